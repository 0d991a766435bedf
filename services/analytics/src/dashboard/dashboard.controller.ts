import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@thc/auth';
import { ApiUseCase, invalidInputDoc } from '@thc/service-runtime';
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { minCellCountFromEnv } from '../visit-metrics/query/min-cell-count.settings';
import { dashboardHtml } from './dashboard.page';
import { DASHBOARD_SCRIPT } from './dashboard.script';
import { monthlyReportHtml } from './monthly-report.page';
import { MonthlyReportQuery } from './monthly-report.query';
import { MONTHLY_REPORT_SCRIPT } from './monthly-report.script';

// Chart.js from node_modules, served by the service itself: no CDN, no third-party origin. The
// package exports only its module builds, so the browser (UMD) build is found beside them.
const CHART_JS = join(dirname(require.resolve('chart.js')), 'chart.umd.js');

// The JSON body parser reads every request before routing, so a route without a body still
// refuses one that claims to be JSON and is not.
const NOT_JSON = {
  400: 'The request carries a body declared as `application/json` that is not valid JSON (these routes take no body).',
};

/**
 * The dashboard page and its scripts. Public because they hold no data: the page's script
 * reads the analyst API with the analyst's own token, and that API stays deny-by-default.
 */
@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  // The pages say what a withheld figure lacks: the smallest cell the API shows.
  private readonly minCellCount = minCellCountFromEnv();
  private readonly dashboard = dashboardHtml(this.minCellCount);

  @Get()
  @Public()
  @ApiUseCase({
    summary: 'Open the dashboard',
    description:
      'The program dashboard: tiles and charts drawn from the analyst API. The page asks for an analyst token (or takes it from the URL fragment, `#token=...`, never sent to the server) and calls the API with it.',
    roles: 'public',
    phi: 'none: the page holds no data',
    errors: NOT_JSON,
  })
  @ApiOkResponse({
    description: 'The page; never cached.',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  page(): string {
    return this.dashboard;
  }

  @Get('dashboard.js')
  @Public()
  @ApiUseCase({
    summary: "Load the dashboard's script",
    description:
      'The script the dashboard page runs: it reads the analyst API and draws the charts.',
    roles: 'public',
    phi: 'none: code only',
    errors: NOT_JSON,
  })
  @ApiOkResponse({
    description: 'The script.',
    content: { 'text/javascript': { schema: { type: 'string' } } },
  })
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  script(): string {
    return DASHBOARD_SCRIPT;
  }

  @Get('report')
  @Public()
  @ApiUseCase({
    summary: 'Open the monthly program report',
    description:
      "A printable report of one month: visits, completion, no-shows, waiting, connection quality, satisfaction, reach by visit type, clinic and provider, each beside the month before with the change, and charts of the twelve months to it; a print stylesheet (A4 or Letter) and a Print / Save as PDF button. Like the dashboard it holds no data: its script reads the analyst API with the analyst's token (from the dashboard's tab, or `#token=...`), so the clinics shown are those the token covers and a `clinicId` it does not cover is refused by that API.",
    roles: 'public',
    phi: 'none: the page holds no data',
    errors: {
      400: invalidInputDoc({
        query: true,
        also: 'the request carries a body declared as `application/json` that is not valid JSON',
      }),
    },
  })
  @ApiOkResponse({
    description: 'The page; never cached.',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  report(@Query() query: MonthlyReportQuery): string {
    return monthlyReportHtml(this.minCellCount, query.month, query.clinicId);
  }

  @Get('report.js')
  @Public()
  @ApiUseCase({
    summary: "Load the monthly report's script",
    description:
      'The script the monthly report runs: it reads the analyst API and fills in the figures and charts.',
    roles: 'public',
    phi: 'none: code only',
    errors: NOT_JSON,
  })
  @ApiOkResponse({
    description: 'The script.',
    content: { 'text/javascript': { schema: { type: 'string' } } },
  })
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  reportScript(): string {
    return MONTHLY_REPORT_SCRIPT;
  }

  @Get('chart.umd.js')
  @Public()
  @ApiUseCase({
    summary: 'Load the chart library',
    description:
      'Chart.js (browser build), served by the service itself so the page needs no third-party origin.',
    roles: 'public',
    phi: 'none: code only',
    errors: NOT_JSON,
  })
  @ApiOkResponse({
    description: 'The library; cached for a day.',
    content: { 'text/javascript': { schema: { type: 'string' } } },
  })
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  chart(): StreamableFile {
    return new StreamableFile(createReadStream(CHART_JS));
  }
}
