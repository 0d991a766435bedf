import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { bearer, TestNamespace } from '@thc/testing';
import { analyticsSpec, get, MetricsPage as Page, VersionProgress } from '../testing/analytics-app';
import { independentMetrics } from '../testing/independent-metrics';
import { programEvents } from '../testing/visit-events.fixture';
import { hostileMetricQueries } from './hostile-metric-queries';
import type { Connection } from 'mongoose';

jest.setTimeout(600_000);

const EVENTS = programEvents({
  seed: 11,
  visits: 14,
  from: '2026-03-01',
  days: 28,
  clinics: 2,
  providersPerClinic: 1,
});
const EXPECTED = independentMetrics(EVENTS);
const SCHEDULED = EVENTS.filter((e) => e.type.includes('AppointmentBooked')).length;
const MARCH = 'from=2026-03-01&to=2026-03-31';

/** Documents per collection of the analytics database. */
async function documentCounts(app: NestExpressApplication): Promise<Record<string, number>> {
  const db = app.get<Connection>(getConnectionToken()).db;
  const counts: Record<string, number> = {};
  for (const { name } of (await db?.listCollections().toArray()) ?? [])
    counts[name] = (await db?.collection(name).countDocuments()) ?? 0;
  return counts;
}

describe('analyst query API', () => {
  const ns = new TestNamespace('analytics-api');
  let analyst: Record<string, string>;
  beforeAll(async () => {
    analyst = await bearer('analyst');
  });
  const started = analyticsSpec(ns, EVENTS, async ({ app, url }) => {
    const { body } = await get(
      url,
      `/api/v1/analytics/metrics?${MARCH}&groupBy=month&metrics=scheduled,completed`,
      analyst,
    );
    const [march] = (body as Page).rows;
    expect(march?.values['scheduled']).toBe(SCHEDULED);
    const completed = [...EXPECTED.values()].reduce((sum, m) => sum + (m['completed'] ?? 0), 0);
    expect(march?.values['completed']).toBe(completed);
    // Every topic, not only scheduling: the group's committed offsets cover every event.
    const [serving] = (await get(url, '/api/v1/analytics/projection', analyst))
      .body as VersionProgress[];
    expect(serving?.processed).toBe(EVENTS.length);
    // The event tally (another consumer of the same topics) has counted every event too.
    const tallies = await app
      .get<Connection>(getConnectionToken())
      .db?.collection('event_tallies')
      .find({})
      .toArray();
    expect((tallies ?? []).reduce((sum, t) => sum + Number(t['count']), 0)).toBe(EVENTS.length);
  });

  it('answers each clinic’s month with the numbers computed independently from the events', async () => {
    const { status, body } = await get(
      started.url,
      `/api/v1/analytics/metrics?${MARCH}&groupBy=month&by=clinic`,
      analyst,
    );
    expect(status).toBe(200);
    const page = body as Page;
    expect(page.rows).toHaveLength(EXPECTED.size);
    for (const row of page.rows) {
      const want = EXPECTED.get(`${row.period}|${row.clinicId}`);
      expect(want).toBeDefined();
      for (const name of [
        'scheduled',
        'completed',
        'cancelled',
        'noShow',
        'noShowRate',
        'waitingSecondsMean',
        'satisfactionMean',
        'nps',
        'bookedMinutes',
      ])
        if (want?.[name] === null) expect(row.values[name]).toBeNull();
        else expect(row.values[name]).toBeCloseTo(want?.[name] as number, 6);
    }
  });

  it('groups by day and week, filters by clinic, and pages', async () => {
    const days = (
      await get(
        started.url,
        `/api/v1/analytics/metrics?${MARCH}&metrics=scheduled&pageSize=10&page=4`,
        analyst,
      )
    ).body as Page;
    expect(days.total).toBe(31);
    expect(days.rows.map((r) => r.period)).toEqual(['2026-03-31']);
    const weeks = (
      await get(
        started.url,
        `/api/v1/analytics/metrics?${MARCH}&groupBy=week&metrics=scheduled`,
        analyst,
      )
    ).body as Page;
    expect(weeks.rows[0]?.period).toBe('2026-W09');
    expect(weeks.rows.reduce((sum, r) => sum + (r.values['scheduled'] ?? 0), 0)).toBe(SCHEDULED);
    const [clinicKey, clinic] = [...EXPECTED.entries()][0]!;
    const clinicId = clinicKey.split('|')[1];
    const filtered = (
      await get(
        started.url,
        `/api/v1/analytics/metrics?${MARCH}&groupBy=month&clinicId=${clinicId}&metrics=scheduled`,
        analyst,
      )
    ).body as Page;
    expect(filtered.rows[0]?.values['scheduled']).toBe(clinic['scheduled']);
  });

  it('exports the table as CSV, one column per metric', async () => {
    const { status, type, text } = await get(
      started.url,
      `/api/v1/analytics/metrics.csv?${MARCH}&groupBy=month&metrics=scheduled,noShowRate`,
      analyst,
    );
    expect(status).toBe(200);
    expect(type).toContain('text/csv');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'period,clinicId,clinicName,providerId,providerName,visitType,scheduled,noShowRate',
    );
    expect(lines[1]).toMatch(new RegExp(`^2026-03,,,,,,${SCHEDULED},`));
  });

  it('never returns a patient id', async () => {
    const patients = EVENTS.filter((e) => e.type.includes('AppointmentBooked')).map(
      (e) => e.data['patientId'] as string,
    );
    const answers = [
      (await get(started.url, `/api/v1/analytics/metrics?${MARCH}&by=provider`, analyst)).text,
      (await get(started.url, `/api/v1/analytics/metrics.csv?${MARCH}&by=clinic`, analyst)).text,
    ].join('\n');
    expect(patients.filter((id) => answers.includes(id))).toEqual([]);
  });

  it.each(['coordinator', 'patient', 'provider', 'auditor', 'trainer'] as const)(
    'refuses the %s role (analysts and admins only)',
    async (role) => {
      expect(
        (await get(started.url, `/api/v1/analytics/metrics?${MARCH}`, await bearer(role))).status,
      ).toBe(403);
    },
  );

  it('refuses a request without a token', async () => {
    expect((await get(started.url, `/api/v1/analytics/metrics?${MARCH}`)).status).toBe(401);
  });

  it('answers 50+ hostile queries with 400 problem+json and writes nothing', async () => {
    const queries = hostileMetricQueries();
    expect(queries.length).toBeGreaterThanOrEqual(50);
    const before = await documentCounts(started.app);
    for (const { label, query } of queries) {
      const { status, type, body } = await get(
        started.url,
        `/api/v1/analytics/metrics?${query}`,
        analyst,
      );
      expect({ label, status, type: type.split(';')[0] }).toEqual({
        label,
        status: 400,
        type: 'application/problem+json',
      });
      expect(JSON.stringify(body)).not.toContain('stack');
    }
    expect(await documentCounts(started.app)).toEqual(before);
  });
});
