import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { createServiceApp } from '@thc/service-runtime';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import type { Connection } from 'mongoose';
import { Browser, chromium } from 'playwright-core';
import { AppModule } from '../../app.module';
import { chromiumPath } from '../../dashboard/testing/chromium-path';
import { clinicRecorded } from '../../directory-names/testing/directory-events';
import { serviceIdentity } from '../../service.identity';
import { independentAttendance, independentReach } from '../testing/independent-reach';
import { notificationEvents } from '../testing/notification-events.fixture';
import { publishEvents } from '../testing/publish-events';
import { programEvents } from '../testing/visit-events.fixture';

jest.setTimeout(600_000);

const VISITS = programEvents({
  seed: 23,
  visits: 24,
  from: '2026-03-01',
  days: 28,
  clinics: 2,
  providersPerClinic: 1,
});
const NOTIFICATIONS = notificationEvents(VISITS, 23);
const EVENTS = [...VISITS, ...NOTIFICATIONS];
const SENT = 'thc.notifications.NotificationSent.v1';
// A reminder that reached its patient, delivered a second time (same event id).
const REDELIVERED = NOTIFICATIONS.find((e) => e.type === SENT && e.data['kind'] === 'reminder')!;
const [A, B] = [
  ...new Set(
    VISITS.filter((e) => e.type.includes('Booked')).map((e) => e.data['clinicId'] as string),
  ),
].sort();
const HARBOR = 'Harbor Telehealth Clinic';
const RANGE = 'from=2026-02&to=2026-04';

interface Row {
  period: string;
  clinicId?: string | null;
  clinicName?: string;
  kind?: string;
  channel?: string;
  values: Record<string, number | null>;
  failures: Record<string, number> | null;
}

describe('reach and reminder figures through Kafka and the analyst API', () => {
  const ns = new TestNamespace('analytics-reach-api');
  let app: NestExpressApplication;
  let url: string;
  let analyst: Record<string, string>;
  let browser: Browser;

  const get = async (path: string, headers: Record<string, string> = analyst) => {
    const response = await fetch(`${url}${path}`, { headers });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, body: type.includes('json') ? JSON.parse(text) : text };
  };
  const rows = async (query: string, headers?: Record<string, string>): Promise<Row[]> =>
    ((await get(`/api/v1/analytics/reach?${query}`, headers)).body as { rows: Row[] }).rows.filter(
      (r) => (r.values['messages'] ?? 0) > 0,
    );
  const sentTally = async () => {
    const tallies = await app
      .get<Connection>(getConnectionToken())
      .db!.collection('event_tallies')
      .find({ type: SENT })
      .toArray();
    return tallies.reduce((sum, t) => sum + Number(t['count']), 0);
  };
  /** Events on the topics that the intake group (the tally's) has not committed yet. */
  const intakeBehind = async (): Promise<number> => {
    const admin = ns.kafka().admin();
    await admin.connect();
    try {
      let behind = 0;
      for (const topic of Object.values(TOPICS).map((t) => ns.topic(t))) {
        const [committed] = await admin.fetchOffsets({
          groupId: `${ns.topicPrefix}thc.analytics`,
          topics: [topic],
        });
        for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
          const offset = Number(
            committed?.partitions.find((p) => p.partition === partition)?.offset,
          );
          behind += Number(high) - Math.max(0, offset);
        }
      }
      return behind;
    } finally {
      await admin.disconnect();
    }
  };
  const processed = async () =>
    ((await get('/api/v1/analytics/projection')).body as { processed: number }[])[0]?.processed;

  beforeAll(async () => {
    // First, while nothing runs in this process: an install blocks it for a minute or two.
    const executablePath = chromiumPath();
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['ANALYTICS_MIN_CELL_COUNT'] = '1';
    await ns.createTopics(Object.values(TOPICS).map((t) => ns.topic(t)));
    await publishEvents(ns.kafka(), ns.topicPrefix, [clinicRecorded(A!, HARBOR), ...EVENTS]);
    // Delivered again as another Kafka message with the same event id, as after a producer retry.
    await publishEvents(ns.kafka(), ns.topicPrefix, [REDELIVERED]);
    app = await createServiceApp(AppModule, serviceIdentity, { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    analyst = await bearer('analyst');
    await eventually(async () => expect(await processed()).toBe(EVENTS.length + 2), {
      timeoutMs: 400_000,
      intervalMs: 1000,
    });
    // The tally is another group on the same topics: it has read them all, the copy included.
    await eventually(async () => expect(await intakeBehind()).toBe(0), {
      timeoutMs: 400_000,
      intervalMs: 1000,
    });
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    delete process.env['ANALYTICS_MIN_CELL_COUNT'];
    await app?.close();
    await ns.dispose();
  });

  it.each([undefined, 'clinic', 'kind', 'channel'] as const)(
    'answers the reach figures computed independently from the events (split by %s)',
    async (by) => {
      const expected = independentReach(EVENTS, by);
      const got = await rows(`${RANGE}${by ? `&by=${by}` : ''}`);
      const keyOf = (r: Row) =>
        by === undefined
          ? r.period
          : `${r.period}|${by === 'clinic' ? (r.clinicId ?? '-') : by === 'kind' ? r.kind : r.channel}`;
      expect(got.map(keyOf).sort()).toEqual([...expected.keys()].sort());
      for (const row of got) {
        expect(row.values).toEqual(expected.get(keyOf(row))?.values);
        expect(
          Object.fromEntries(Object.entries(row.failures ?? {}).filter(([, n]) => n > 0)),
        ).toEqual(expected.get(keyOf(row))?.failures);
      }
    },
  );

  it('names clinics from the directory, and answers attendance with and without a reminder', async () => {
    const byClinic = await rows(`${RANGE}&by=clinic`);
    expect(byClinic.find((r) => r.clinicId === A)?.clinicName).toBe(HARBOR);
    const { body } = await get(
      '/api/v1/analytics/metrics?from=2026-03-01&to=2026-03-31&groupBy=month&by=clinic&metrics=visitsReminded,attendanceRateReminded,visitsNotReminded,attendanceRateNotReminded',
    );
    const expected = independentAttendance(EVENTS);
    for (const row of (body as { rows: (Row & { clinicId: string })[] }).rows)
      expect(row.values).toEqual(expected.get(`${row.period}|${row.clinicId}`));
  });

  it('counts a redelivered event once', async () => {
    // The figures above were computed from the events without the copy; the tally agrees.
    expect(await sentTally()).toBe(NOTIFICATIONS.filter((e) => e.type === SENT).length);
    const month = String(REDELIVERED.data['sentAt']).slice(0, 7);
    const [row] = await rows(`from=${month}&to=${month}&by=kind`).then((all) =>
      all.filter((r) => r.kind === 'reminder'),
    );
    expect(row?.values).toEqual(independentReach(EVENTS, 'kind').get(`${month}|reminder`)?.values);
  });

  it('bounds an analyst to their clinics: no other clinic, no message about an unknown visit', async () => {
    const ofB = await bearer('analyst', 'analyst-b', { clinics: [B!] });
    const seen = await rows(`${RANGE}&by=clinic`, ofB);
    expect([...new Set(seen.map((r) => r.clinicId))]).toEqual([B]);
    const total = await rows(RANGE, ofB);
    const expectedB = independentReach(EVENTS, 'clinic');
    expect(total.map((r) => r.values['messages'])).toEqual(
      total.map((r) => expectedB.get(`${r.period}|${B}`)?.values.messages),
    );
    expect((await get(`/api/v1/analytics/reach?${RANGE}&clinicId=${A}`, ofB)).status).toBe(403);
    expect(
      (await get(`/api/v1/analytics/reach?${RANGE}`, await bearer('coordinator'))).status,
    ).toBe(403);
    expect((await get(`/api/v1/analytics/reach?${RANGE}`, {})).status).toBe(401);
  });

  it.each([
    ['from=2026-13&to=2026-04', 'from'],
    ['from=2026-03-01&to=2026-04', 'from'],
    ['from=2026-03', 'to'],
    [`${RANGE}&by=provider`, 'by'],
    [`${RANGE}&clinicId=not-a-uuid`, 'clinicId'],
    ['from=2026-04&to=2026-03', 'to'],
    ['from=2020-01&to=2026-04', 'to'],
  ])('refuses %s with 400 problem+json naming %s', async (query, field) => {
    const { status, type, body } = await get(`/api/v1/analytics/reach?${query}`);
    expect(status).toBe(400);
    expect(type).toContain('application/problem+json');
    expect(JSON.stringify(body)).toContain(field);
  });

  it('publishes the figures’ definitions and the endpoint in OpenAPI', async () => {
    const definitions = (await get('/api/v1/analytics/reach/definitions')).body as {
      name: string;
    }[];
    expect(definitions.map((d) => d.name)).toEqual([
      'messages',
      'reached',
      'reachRate',
      'bounced',
      'failed',
    ]);
    const openapi = (await get('/docs-json', {})).body as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/v1/analytics/reach', '/api/v1/analytics/reach/definitions']),
    );
  });

  it('shows reach and attendance with and without a reminder as dashboard tiles', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const token = analyst['authorization']?.replace(/^Bearer /, '') ?? '';
    await page.goto(`${url}/dashboard#token=${token}&from=2026-03-01&to=2026-03-31`);
    await page.waitForSelector('body[data-ready="true"]');
    const percent = (v: number) =>
      `${(100 * v).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
    const march = independentReach(EVENTS).get('2026-03')!.values;
    expect(await page.textContent('#kpi-reachRate')).toBe(percent(march.reachRate!));
    expect(await page.textContent('#when-reachRate')).toBe(
      `of ${march.messages} messages, March 2026`,
    );
    const groups = [...independentAttendance(EVENTS)]
      .filter(([key]) => key.startsWith('2026-03|'))
      .map(([, v]) => v);
    for (const [rate, size] of [
      ['attendanceRateReminded', 'visitsReminded'],
      ['attendanceRateNotReminded', 'visitsNotReminded'],
    ] as const) {
      const n = groups.reduce((s, g) => s + (g[size] ?? 0), 0);
      const came = groups.reduce((s, g) => s + (g[rate] ?? 0) * (g[size] ?? 0), 0);
      expect(await page.textContent(`#kpi-${rate}`)).toBe(percent(came / n));
      expect(await page.textContent(`#when-${rate}`)).toBe(`of ${n} visits that ended`);
    }
    await page.close();
  });
});
