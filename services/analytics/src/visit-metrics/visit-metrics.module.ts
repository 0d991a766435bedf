import { Module } from '@nestjs/common';
import { DirectoryNamesModule } from '../directory-names/directory-names.module';
import { ServingCollections } from './infrastructure/serving-collections';
import { MetricsController } from './analyst-api/metrics.controller';
import { MetricsTableReader } from './analyst-api/metrics-table.query';
import { ReachController } from './analyst-api/reach.controller';
import { ReachReader } from './analyst-api/reach.query';
import { ProjectionProgressController } from './rebuild/projection-progress.controller';
import { visitMetricsDefinitionHash } from './rebuild/visit-metrics.definition';
import { VISIT_METRICS_VERSION, VisitMetricsVersions } from './rebuild/visit-metrics.versions';

const httpControllers = [MetricsController, ReachController, ProjectionProgressController];
const queries = [MetricsTableReader, ReachReader];
const projections = [
  {
    provide: VISIT_METRICS_VERSION,
    // Changing ANALYTICS_REBUILD_SALT forces a rebuild without a definition change.
    useFactory: () => visitMetricsDefinitionHash(process.env['ANALYTICS_REBUILD_SALT'] ?? ''),
  },
  VisitMetricsVersions,
  { provide: ServingCollections, useExisting: VisitMetricsVersions },
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
