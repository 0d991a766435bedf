import { Controller, Header, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { CLOCK, Clock, invalidInputDoc, UseCaseRoute } from '@thc/service-runtime';
import { METRICS, METRIC_NAMES } from '../domain/metric-definitions';
import { MetricDefinitionResponse } from './figure-definition.response';
import { metricsCsv } from './metrics-csv';
import { MetricsQuery } from './metrics-query.dto';
import { MetricsPage } from './metrics.response';
import { MetricsTableReader } from './metrics-table.query';

const AGGREGATES =
  'none: de-identified aggregates by period, clinic, provider and visit type; no patient identifiers';
const INVALID_QUERY = invalidInputDoc({
  query: true,
  also: '`to` is before `from` or more than 3 years after it',
});
const FOREIGN_CLINIC =
  "The token's role is not one of: analyst, admin; or `clinicId` is a clinic the token does not cover.";
// Analysts and admins see the clinics their token grants (its `clinics` claim): a query for
// another clinic is refused, and a table over every clinic sums only theirs.
const SCOPE =
  ' Bounded to the clinics the token covers: without `clinicId`, the rows and totals are those of the covered clinics only.';

/** The analyst query API: de-identified aggregates only, for analysts (and admins). */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/v1/analytics')
export class MetricsController {
  constructor(
    private readonly reader: MetricsTableReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @UseCaseRoute({
    method: 'GET',
    path: 'metrics',
    answer: MetricsPage,
    summary: 'Query the metrics table',
    description:
      "The program metrics (volume, no-shows, waiting, quality, satisfaction, utilization, training compliance) for the days `from` to `to`, grouped by day, week or month, optionally split by clinic, provider or visit type and filtered to one of each, a page of rows at a time. A figure made of fewer than ANALYTICS_MIN_CELL_COUNT (default 11) visits or survey responses is withheld: null, and named in the row's `suppressed`. Rows split by clinic or provider carry its name from the directory (or `Clinic 2d7f4b9a`, with `clinicListed: false`, for one the directory does not list yet)." +
      SCOPE,
    roles: ['analyst', 'admin'],
    phi: AGGREGATES,
    errors: { 400: INVALID_QUERY, 403: FOREIGN_CLINIC },
  })
  async metrics(
    @Query() query: MetricsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MetricsPage> {
    const { version, rows } = await this.reader.read(query, principal, this.clock());
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

  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="telehealth-metrics.csv"')
  @UseCaseRoute({
    method: 'GET',
    path: 'metrics.csv',
    answer: {
      description: 'The whole table (no pagination) as CSV, one column per metric.',
      content: {
        'text/csv': {
          schema: { type: 'string' },
          example:
            'period,clinicId,clinicName,providerId,providerName,visitType,scheduled,completed,noShowRate\r\n2026-03,2d7f4b9a-1c3e-4a5b-8d6f-0e2a4c6b8d13,Harbor Telehealth Clinic,,,,42,38,0.05\r\n',
        },
      },
    },
    summary: 'Export the metrics table as CSV',
    description:
      'The same table as `GET /api/v1/analytics/metrics`, whole (`page` and `pageSize` are accepted and ignored), as an RFC 4180 CSV download: one row per period (and split), the clinic’s and provider’s names beside their ids, one column per metric; a figure withheld as too small a cell reads `suppressed`.' +
      SCOPE,
    roles: ['analyst', 'admin'],
    phi: AGGREGATES,
    errors: { 400: INVALID_QUERY, 403: FOREIGN_CLINIC },
  })
  async csv(
    @Query() query: MetricsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const { rows } = await this.reader.read(query, principal, this.clock());
    return new StreamableFile(Buffer.from(metricsCsv(rows, query.metrics ?? METRIC_NAMES)));
  }

  @UseCaseRoute({
    method: 'GET',
    path: 'metric-definitions',
    answer: {
      type: [MetricDefinitionResponse],
      description: 'Every metric: name, title, unit and written definition.',
    },
    summary: 'Read the metric definitions',
    description: 'Every metric the table can hold: its name, title, unit and written definition.',
    roles: ['analyst', 'admin'],
    phi: 'none: definitions only',
    errors: {},
  })
  definitions(): MetricDefinitionResponse[] {
    return METRICS.map(({ name, title, unit, definition }) => ({ name, title, unit, definition }));
  }
}
