import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@thc/auth';
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { DASHBOARD_HTML } from './dashboard.page';
import { DASHBOARD_SCRIPT } from './dashboard.script';

// Chart.js from node_modules, served by the service itself: no CDN, no third-party origin. The
// package exports only its module builds, so the browser (UMD) build is found beside them.
const CHART_JS = join(dirname(require.resolve('chart.js')), 'chart.umd.js');

/**
 * The dashboard page and its scripts. Public because they hold no data: the page's script
 * reads the analyst API with the analyst's own token, and that API stays deny-by-default.
 */
@ApiExcludeController()
@Controller('dashboard')
export class DashboardController {
  @Get()
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  page(): string {
    return DASHBOARD_HTML;
  }

  @Get('dashboard.js')
  @Public()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  script(): string {
    return DASHBOARD_SCRIPT;
  }

  @Get('chart.umd.js')
  @Public()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  chart(): StreamableFile {
    return new StreamableFile(createReadStream(CHART_JS));
  }
}
