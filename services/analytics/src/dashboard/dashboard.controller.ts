import { applyDecorators, Controller, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { invalidInputDoc, textAnswer, UseCaseRoute, UseCaseRouteDoc } from '@thc/service-runtime';
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { minCellCountFromEnv } from '../min-cell-count.settings';
import { dashboardHtml } from './dashboard.page';
import { DASHBOARD_SCRIPT } from './dashboard.script';
import { monthlyReportHtml } from './monthly-report.page';
import { MonthlyReportQuery } from './monthly-report-query.dto';
import { MONTHLY_REPORT_SCRIPT } from './monthly-report.script';

// Chart.js from node_modules, served by the service itself: no CDN, no third-party origin. The
// package exports only its module builds, so the browser (UMD) build is found beside them.
const CHART_JS = join(dirname(require.resolve('chart.js')), 'chart.umd.js');

// The JSON body parser reads every request before routing, so a route without a body still
// refuses one that claims to be JSON and is not.
const NOT_JSON = {
  400: 'The request carries a body declared as `application/json` that is not valid JSON (these routes take no body).',
};

/** A page of the dashboard: HTML that holds no data, never cached. */
function HtmlPage(
  path: string | undefined,
  use: Pick<UseCaseRouteDoc, 'summary' | 'description' | 'errors'>,
) {
  return applyDecorators(
    UseCaseRoute({
      method: 'GET',
      path,
      answer: textAnswer('text/html', 'The page; never cached.'),
      ...use,
      roles: 'public',
      phi: 'none: the page holds no data',
    }),
    Header('Content-Type', 'text/html; charset=utf-8'),
    Header('Cache-Control', 'no-store'),
  );
}

/** A script the pages load: code only. */
function PageScript(path: string, summary: string, description: string, answer = 'The script.') {
  return applyDecorators(
    UseCaseRoute({
      method: 'GET',
      path,
      answer: textAnswer('text/javascript', answer),
      summary,
      description,
      roles: 'public',
      phi: 'none: code only',
      errors: NOT_JSON,
    }),
    Header('Content-Type', 'text/javascript; charset=utf-8'),
  );
}

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

  @HtmlPage(undefined, {
    summary: 'Open the dashboard',
    description:
      'The program dashboard: tiles and charts drawn from the analyst API. The page asks for an analyst token (or takes it from the URL fragment, `#token=...`, never sent to the server) and calls the API with it.',
    errors: NOT_JSON,
  })
  page(): string {
    return this.dashboard;
  }

  @PageScript(
    'dashboard.js',
    "Load the dashboard's script",
    'The script the dashboard page runs: it reads the analyst API and draws the charts.',
  )
  script(): string {
    return DASHBOARD_SCRIPT;
  }

  @HtmlPage('report', {
    summary: 'Open the monthly program report',
    description:
      "A printable report of one month: visits, completion, no-shows, waiting, connection quality, satisfaction, reach by visit type, clinic and provider, each beside the month before with the change, and charts of the twelve months to it; a print stylesheet (A4 or Letter) and a Print / Save as PDF button. Like the dashboard it holds no data: its script reads the analyst API with the analyst's token (from the dashboard's tab, or `#token=...`), so the clinics shown are those the token covers and a `clinicId` it does not cover is refused by that API.",
    errors: {
      400: invalidInputDoc({
        query: true,
        also: 'the request carries a body declared as `application/json` that is not valid JSON',
      }),
    },
  })
  report(@Query() query: MonthlyReportQuery): string {
    return monthlyReportHtml(this.minCellCount, query.month, query.clinicId);
  }

  @PageScript(
    'report.js',
    "Load the monthly report's script",
    'The script the monthly report runs: it reads the analyst API and fills in the figures and charts.',
  )
  reportScript(): string {
    return MONTHLY_REPORT_SCRIPT;
  }

  @PageScript(
    'chart.umd.js',
    'Load the chart library',
    'Chart.js (browser build), served by the service itself so the page needs no third-party origin.',
    'The library; cached for a day.',
  )
  @Header('Cache-Control', 'public, max-age=86400')
  chart(): StreamableFile {
    return new StreamableFile(createReadStream(CHART_JS));
  }
}
