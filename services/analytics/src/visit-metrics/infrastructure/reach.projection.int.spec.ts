import { TestNamespace } from '@thc/testing';
import { Connection } from 'mongoose';
import { Bucket, metricsTable } from '../domain/metrics-table';
import { MessageBucket, reachTable, ReachDimension } from '../domain/reach-table';
import { batches, consumed } from '../testing/consumed';
import { independentAttendance, independentReach } from '../testing/independent-reach';
import { notificationEvents } from '../testing/notification-events.fixture';
import { FixtureEvent, programEvents } from '../testing/visit-events.fixture';
import { VisitMetricsCollections } from './visit-metrics.collections';
import { VisitMetricsProjection } from './visit-metrics.projection';

const VISITS = programEvents({
  seed: 17,
  visits: 40,
  from: '2026-03-01',
  days: 61,
  clinics: 2,
  providersPerClinic: 2,
});
const EVENTS = [...VISITS, ...notificationEvents(VISITS, 17)];

jest.setTimeout(300_000);

// A rebuild reads the topics in any order: notifications before their visits are known (their
// clinic comes later), or after the visits were counted (a reminder then changes a visit's
// counters), in large batches or small ones.
describe.each([
  [
    'notifications first, batches of 150',
    ['notifications', 'sessions', 'scheduling', 'training'],
    150,
  ],
  ['notifications last, batches of 7', ['scheduling', 'sessions', 'training', 'notifications'], 7],
])('reach and reminder figures of the visit-metrics projection (%s)', (_, order, size) => {
  const ns = new TestNamespace('analytics-reach-projection');
  let store: VisitMetricsCollections;
  let connection: Connection;

  beforeAll(async () => {
    connection = await ns.connect('analytics');
    store = new VisitMetricsCollections(connection.db!, `reach${size}`);
  });
  afterAll(() => ns.dispose());

  async function project(events: readonly FixtureEvent[]): Promise<void> {
    const projection = new VisitMetricsProjection(store);
    const sorted = [...events].sort(
      (a, b) => order.indexOf(a.type.split('.')[1]!) - order.indexOf(b.type.split('.')[1]!),
    );
    for (const batch of batches(
      sorted.map((e, i) => consumed(e, i)),
      size,
    ))
      await projection.apply(batch);
  }

  const reach = async (by?: ReachDimension) =>
    reachTable(
      { from: '2026-01', to: '2026-06', ...(by ? { by } : {}) },
      (await store.messageMonths.find({}).toArray()) as unknown as MessageBucket[],
    );

  it.each([undefined, 'clinic', 'kind', 'channel'] as const)(
    'gives the reach figures computed independently from the same events (split by %s)',
    async (by) => {
      if (by === undefined) await project(EVENTS);
      const expected = independentReach(EVENTS, by);
      const rows = (await reach(by)).filter((r) => (r.values.messages ?? 0) > 0);
      const keyOf = (r: (typeof rows)[number]) =>
        by === undefined
          ? r.period
          : `${r.period}|${by === 'clinic' ? (r.clinicId ?? '-') : by === 'kind' ? r.kind : r.channel}`;
      expect(rows.map(keyOf).sort()).toEqual([...expected.keys()].sort());
      for (const row of rows) {
        const want = expected.get(keyOf(row))!;
        expect(row.values).toEqual(want.values);
        expect(
          Object.fromEntries(Object.entries(row.failures ?? {}).filter(([, n]) => n > 0)),
        ).toEqual(want.failures);
      }
    },
  );

  it('gives attendance with and without a reminder as computed independently', async () => {
    const buckets = (await store.months.find({}).toArray()) as unknown as Bucket[];
    const rows = metricsTable(
      {
        from: '2026-03-01',
        to: '2026-04-30',
        groupBy: 'month',
        by: 'clinic',
        metrics: [
          'visitsReminded',
          'attendanceRateReminded',
          'visitsNotReminded',
          'attendanceRateNotReminded',
        ],
        now: new Date('2026-06-01T00:00:00Z'),
      },
      buckets,
      [],
      [],
    );
    const expected = independentAttendance(EVENTS);
    expect(rows.length).toBe(expected.size);
    for (const row of rows)
      expect(row.values).toEqual(expected.get(`${row.period}|${row.clinicId}`));
    // The fixture holds both groups, and reminded visits that ended.
    expect(
      rows.some((r) => (r.values.visitsReminded ?? 0) > 0 && (r.values.visitsNotReminded ?? 0) > 0),
    ).toBe(true);
  });

  it('changes nothing when every event is applied a second time', async () => {
    const before = [await reach(), await reach('clinic'), await reach('channel')];
    const months = await store.months.find({}).sort({ _id: 1 }).toArray();
    await project(EVENTS);
    expect([await reach(), await reach('clinic'), await reach('channel')]).toEqual(before);
    expect(await store.months.find({}).sort({ _id: 1 }).toArray()).toEqual(months);
  });

  it('keeps patient and recipient ids, addresses and server answers out of what it stores', async () => {
    const people = new Set(
      EVENTS.flatMap((e) => [e.data['patientId'], e.data['recipientId']]).filter(
        (id): id is string => typeof id === 'string',
      ),
    );
    const stored = JSON.stringify([
      await store.messages.find({}).toArray(),
      await store.messageMonths.find({}).toArray(),
      await store.facts.find({}).toArray(),
    ]);
    expect([...people].filter((id) => stored.includes(id))).toEqual([]);
    expect(stored).not.toContain('mailbox unavailable');
    expect(stored).not.toContain('@thc.local');
  });
});
