import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@thc/auth';
import { METRICS, METRIC_NAMES } from '../domain/metric-definitions';
import { RebuildProgress } from '../rebuild/rebuild-progress';
import { VisitMetricsVersions } from '../rebuild/visit-metrics.versions';
import { metricsCsv } from './metrics-csv';
import { MetricsQuery } from './metrics.query';
import { MetricsPage } from './metrics.response';
import { MetricsTableReader } from './metrics-table.reader';

/** The analyst query API: de-identified aggregates only, for analysts (and admins). */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/v1/analytics')
export class MetricsController {
  constructor(
    private readonly reader: MetricsTableReader,
    private readonly versions: VisitMetricsVersions,
  ) {}

  @Get('metrics')
  @Roles('analyst', 'admin')
  @ApiOkResponse({ type: MetricsPage })
  async metrics(@Query() query: MetricsQuery): Promise<MetricsPage> {
    const { version, rows } = await this.reader.read(query, new Date());
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    return {
      version,
      page,
      pageSize,
      total: rows.length,
      rows: rows.slice((page - 1) * pageSize, page * pageSize),
    };
  }

  @Get('metrics.csv')
  @Roles('analyst', 'admin')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="telehealth-metrics.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The whole table (no pagination) as CSV, one column per metric.' })
  async csv(@Query() query: MetricsQuery): Promise<StreamableFile> {
    const { rows } = await this.reader.read(query, new Date());
    return new StreamableFile(Buffer.from(metricsCsv(rows, query.metrics ?? METRIC_NAMES)));
  }

  @Get('metric-definitions')
  @Roles('analyst', 'admin')
  @ApiOkResponse({ description: 'Every metric: name, title, unit and written definition.' })
  definitions(): { name: string; title: string; unit: string; definition: string }[] {
    return METRICS.map(({ name, title, unit, definition }) => ({ name, title, unit, definition }));
  }

  @Get('projection')
  @Roles('analyst', 'admin')
  @ApiOkResponse({ description: 'Versions of the projection this instance runs, with progress.' })
  projection(): RebuildProgress[] {
    return this.versions.progress();
  }
}
