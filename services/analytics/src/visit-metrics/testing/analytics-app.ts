import { NestExpressApplication } from '@nestjs/platform-express';
import { createServiceApp } from '@thc/service-runtime';
import { AppModule } from '../../app.module';
import { serviceIdentity } from '../../service.identity';

/** The whole analytics service, listening on a free port of 127.0.0.1. */
export async function startAnalytics(): Promise<{ app: NestExpressApplication; url: string }> {
  const app = await createServiceApp(AppModule, serviceIdentity, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

/** A GET as an analyst's client makes it: status, content type, text, and the JSON body. */
export async function get(url: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}${path}`, { headers });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    text,
    body: type.includes('json') ? (JSON.parse(text) as unknown) : text,
  };
}

/** A page of the metrics table, as the analyst API answers it. */
export interface MetricsPage {
  version: string;
  total: number;
  rows: { period: string; clinicId?: string; values: Record<string, number | null> }[];
}

/** One version of the projection this instance runs, as `/api/v1/analytics/projection` lists it. */
export interface VersionProgress {
  version: string;
  state: string;
  processed: number;
  total: number;
}
