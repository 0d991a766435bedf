import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import { get, MetricsPage, startAnalytics, VersionProgress } from '../testing/analytics-app';
import { publishEvents } from '../testing/publish-events';
import { programEvents } from '../testing/visit-events.fixture';

jest.setTimeout(600_000);

const EVENTS = programEvents({
  seed: 23,
  visits: 8,
  from: '2026-03-01',
  days: 14,
  clinics: 2,
  providersPerClinic: 1,
});
const QUESTION = '/api/v1/analytics/metrics?from=2026-03-01&to=2026-03-31&groupBy=month&by=clinic';

describe('rebuilding the visit metrics when their definition changes', () => {
  const ns = new TestNamespace('analytics-rebuild');
  let app: NestExpressApplication;
  let url: string;
  let analyst: Record<string, string>;

  const progressOf = async (target: string): Promise<VersionProgress[]> =>
    (await get(target, '/api/v1/analytics/projection', analyst)).body as VersionProgress[];

  beforeAll(async () => {
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['ANALYTICS_REBUILD_CHECK_MS'] = '500';
    process.env['ANALYTICS_MIN_CELL_COUNT'] = '1';
    await ns.createTopics(Object.values(TOPICS).map((t) => ns.topic(t)));
    await publishEvents(ns.kafka(), ns.topicPrefix, EVENTS);
    ({ app, url } = await startAnalytics());
    analyst = await bearer('analyst');
    await eventually(
      async () => expect((await progressOf(url))[0]?.processed).toBe(EVENTS.length),
      {
        timeoutMs: 400_000,
        intervalMs: 1000,
      },
    );
  });

  afterAll(async () => {
    delete process.env['ANALYTICS_MIN_CELL_COUNT'];
    await app?.close();
    await ns.dispose();
  });

  it('shows the serving version and how far it has got', async () => {
    const { version } = (await get(url, QUESTION, analyst)).body as MetricsPage;
    expect(await progressOf(url)).toEqual([
      expect.objectContaining({
        version,
        state: 'serving',
        processed: EVENTS.length,
        total: EVENTS.length,
      }),
    ]);
  });

  it('rebuilds a changed definition beside the serving version and switches over without a failed query', async () => {
    const before = (await get(url, QUESTION, analyst)).body as MetricsPage;
    process.env['ANALYTICS_REBUILD_SALT'] = 'changed-definition';
    const second = await startAnalytics();
    try {
      const statuses: number[] = [];
      let served: MetricsPage | undefined;
      await eventually(
        async () => {
          for (const target of [url, second.url]) {
            const answer = await get(target, QUESTION, analyst);
            statuses.push(answer.status);
            served = answer.body as MetricsPage;
          }
          expect(served?.version).not.toBe(before.version);
        },
        { timeoutMs: 400_000, intervalMs: 200 },
      );
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expect(statuses.length).toBeGreaterThan(2);
      expect(served?.rows).toEqual(before.rows);
      // The new version serves on the instance that built it, every event in it.
      expect(await progressOf(second.url)).toEqual([
        expect.objectContaining({ version: served?.version, state: 'serving' }),
      ]);
    } finally {
      delete process.env['ANALYTICS_REBUILD_SALT'];
      await second.app.close();
    }
  });
});
