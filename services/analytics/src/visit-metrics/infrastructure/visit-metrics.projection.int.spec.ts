import { TestNamespace } from '@thc/testing';
import { Connection } from 'mongoose';
import { binOf, binRange, HISTOGRAMS } from '../domain/histogram';
import { Bucket, metricsTable } from '../domain/metrics-table';
import { METRIC_NAMES } from '../domain/metric-definitions';
import type { ScheduleFacts } from '../domain/available-minutes';
import type { StaffFacts } from '../domain/staff-compliance';
import { batches, consumed } from '../testing/consumed';
import { exactQuantile, independentMetrics } from '../testing/independent-metrics';
import { FixtureEvent, programEvents } from '../testing/visit-events.fixture';
import { VisitMetricsCollections } from './visit-metrics.collections';
import { VisitMetricsProjection } from './visit-metrics.projection';

const EVENTS = programEvents({
  seed: 7,
  visits: 40,
  from: '2026-03-01',
  days: 61,
  clinics: 2,
  providersPerClinic: 2,
});

// FerretDB writes each document in its own SQLite transaction: generous time on a busy machine.
jest.setTimeout(300_000);

describe('visit-metrics projection', () => {
  const ns = new TestNamespace('analytics-projection');
  let connection: Connection;
  let store: VisitMetricsCollections;

  beforeAll(async () => {
    connection = await ns.connect('analytics');
    store = new VisitMetricsCollections(connection.db!, 'spec');
  });
  afterAll(() => ns.dispose());

  async function project(events: readonly FixtureEvent[]): Promise<void> {
    const projection = new VisitMetricsProjection(store);
    // Topics arrive in any order: sessions first, then scheduling, then the rest.
    const order = ['sessions', 'scheduling', 'training', 'compliance'];
    const sorted = [...events].sort(
      (a, b) => order.indexOf(a.type.split('.')[1]!) - order.indexOf(b.type.split('.')[1]!),
    );
    for (const batch of batches(
      sorted.map((e, i) => consumed(e, i)),
      300,
    ))
      await projection.apply(batch);
  }

  async function table(groupBy: 'day' | 'month', by?: 'clinic') {
    const buckets = (await store.days.find({}).toArray()) as unknown as Bucket[];
    const schedules = (await store.schedules.find({}).toArray()) as unknown as ScheduleFacts[];
    const staff = (await store.staff.find({}).toArray()) as unknown as StaffFacts[];
    return metricsTable(
      {
        from: '2026-03-01',
        to: '2026-04-30',
        groupBy,
        ...(by ? { by } : {}),
        metrics: METRIC_NAMES,
        now: new Date('2026-06-01T00:00:00Z'),
      },
      buckets,
      schedules,
      staff,
    );
  }

  it('gives the numbers computed independently from the same events, month by clinic', async () => {
    await project(EVENTS);
    const expected = independentMetrics(EVENTS);
    const rows = await table('month', 'clinic');
    expect(rows.length).toBe(expected.size);
    for (const row of rows) {
      const want = expected.get(`${row.period}|${row.clinicId}`)!;
      expect(want).toBeDefined();
      for (const [name, value] of Object.entries(want)) {
        if (name === 'waitingSecondsP50' || name === 'waitingSecondsP90') continue;
        if (value === null) expect(row.values[name as never]).toBeNull();
        else expect(row.values[name as never]).toBeCloseTo(value, 6);
      }
      // Percentiles come from histograms: within the width of the bin holding the exact value.
      for (const [name, q] of [
        ['waitingSecondsP50', 0.5],
        ['waitingSecondsP90', 0.9],
      ] as const) {
        const exact = want[name]!;
        const [low, high] = binRange(HISTOGRAMS.wait, binOf(HISTOGRAMS.wait, exact));
        expect(row.values[name]).toBeGreaterThanOrEqual(low);
        expect(row.values[name]).toBeLessThanOrEqual(high);
        expect(exactQuantile([exact], q)).toBe(exact);
      }
    }
  });

  it('changes nothing when every event is applied a second time', async () => {
    const before = await table('day');
    await project(EVENTS);
    expect(await table('day')).toEqual(before);
    expect(await table('month', 'clinic')).toEqual(await table('month', 'clinic'));
  });

  it('adds availability from the schedules and compliance from the credentials', async () => {
    const [march] = await table('month');
    // 2 clinics x 2 providers, 8 hours on each of March 2026's 22 weekdays.
    expect(march!.values.availableMinutes).toBe(4 * 22 * 8 * 60);
    expect(march!.values.utilizationBooked).toBeCloseTo(
      (march!.values.bookedMinutes as number) / (4 * 22 * 8 * 60),
      9,
    );
    const credentials = EVENTS.filter((e) => e.type.includes('StaffCredentialed'));
    const endOfMarch = Date.parse('2026-03-31T23:59:59.999Z');
    const current = credentials.filter(
      (e) => Date.parse(e.data['validUntil'] as string) > endOfMarch,
    );
    expect(march!.values.trainingCompliance).toBeCloseTo(current.length / credentials.length, 9);
  });

  it('keeps patient ids out of everything it stores for queries', async () => {
    const patientIds = new Set(
      EVENTS.filter((e) => e.type.includes('AppointmentBooked')).map(
        (e) => e.data['patientId'] as string,
      ),
    );
    const stored = JSON.stringify([
      await store.days.find({}).toArray(),
      await store.months.find({}).toArray(),
      await store.facts.find({}).toArray(),
    ]);
    expect([...patientIds].filter((id) => stored.includes(id))).toEqual([]);
  });
});
