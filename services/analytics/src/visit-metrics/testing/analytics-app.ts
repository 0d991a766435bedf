import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { createServiceApp } from '@thc/service-runtime';
import { eventually, TestNamespace } from '@thc/testing';
import { AppModule } from '../../app.module';
import { serviceIdentity } from '../../service.identity';
import { publishEvents } from './publish-events';
import type { FixtureEvent } from './visit-events.fixture';

/** The whole analytics service, listening on a free port of 127.0.0.1. */
export async function startAnalytics(): Promise<{ app: NestExpressApplication; url: string }> {
  const app = await createServiceApp(AppModule, serviceIdentity, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

/**
 * The whole service started for one spec file, on its own topics and databases, once `events`
 * are published; `ready` is retried (up to 400 s) until the projections have caught up with them.
 * Exact figures of a small fixture: no cell is withheld (small-cells.int.spec.ts tests that).
 * Filled in a `beforeAll`, so a spec's earlier `beforeAll` runs first.
 */
export function analyticsSpec(
  ns: TestNamespace,
  events: readonly FixtureEvent[],
  ready: (started: { app: NestExpressApplication; url: string }) => Promise<void>,
) {
  const started = {} as { app: NestExpressApplication; url: string };
  beforeAll(async () => {
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['ANALYTICS_MIN_CELL_COUNT'] = '1';
    await ns.createTopics(Object.values(TOPICS).map((t) => ns.topic(t)));
    await publishEvents(ns.kafka(), ns.topicPrefix, events);
    Object.assign(started, await startAnalytics());
    await eventually(() => ready(started), { timeoutMs: 400_000, intervalMs: 1000 });
  });
  afterAll(async () => {
    delete process.env['ANALYTICS_MIN_CELL_COUNT'];
    await started.app?.close();
    await ns.dispose();
  });
  return started;
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
