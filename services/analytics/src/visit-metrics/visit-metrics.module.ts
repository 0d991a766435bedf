import { Module } from '@nestjs/common';
import { DirectoryNamesModule } from '../directory-names/directory-names.module';
import { MetricsController } from './query/metrics.controller';
import { MetricsTableReader } from './query/metrics-table.reader';
import { ReachController } from './query/reach.controller';
import { ReachReader } from './query/reach.reader';
import { visitMetricsDefinitionHash } from './rebuild/visit-metrics.definition';
import { VISIT_METRICS_VERSION, VisitMetricsVersions } from './rebuild/visit-metrics.versions';

const httpControllers = [MetricsController, ReachController];
const queries = [MetricsTableReader, ReachReader];
const projections = [
  {
    provide: VISIT_METRICS_VERSION,
    // Changing ANALYTICS_REBUILD_SALT forces a rebuild without a definition change.
    useFactory: () => visitMetricsDefinitionHash(process.env['ANALYTICS_REBUILD_SALT'] ?? ''),
  },
  VisitMetricsVersions,
];

/**
 * Evaluation and reporting: the visit-metrics projection (visits and messages), its versions and
 * the query API.
 */
@Module({
  imports: [DirectoryNamesModule],
  controllers: httpControllers,
  providers: [...queries, ...projections],
  exports: [VisitMetricsVersions],
})
export class VisitMetricsModule {}
