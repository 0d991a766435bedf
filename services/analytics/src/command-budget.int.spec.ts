import { ConsumedEvent } from '@thc/messaging';
import { CommandBudget, CommandCounter, TestNamespace } from '@thc/testing';
import { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { DirectoryNamesCollections } from './directory-names/directory-names.collections';
import { DirectoryNamesProjection } from './directory-names/directory-names.projection';
import { DirectoryNamesReader } from './directory-names/directory-names.reader';
import { clinicRecorded, providerRecorded } from './directory-names/testing/directory-events';
import { EventTallyProjection } from './event-intake/event-tally.projection';
import { EVENT_TALLY, EventTally, eventTallySchema } from './event-intake/event-tally.schema';
import { VisitMetricsCollections } from './visit-metrics/infrastructure/visit-metrics.collections';
import {
  VISIT_METRICS_BATCH,
  VisitMetricsProjection,
} from './visit-metrics/infrastructure/visit-metrics.projection';
import { MetricsTableReader } from './visit-metrics/analyst-api/metrics-table.query';
import { ReachReader } from './visit-metrics/analyst-api/reach.query';
import type { ReachQuery } from './visit-metrics/analyst-api/reach-query.dto';
import { notificationEvents } from './visit-metrics/testing/notification-events.fixture';
import type { MetricsQuery } from './visit-metrics/analyst-api/metrics-query.dto';
import type { ServingCollections } from './visit-metrics/infrastructure/serving-collections';
import { batches, consumed } from './visit-metrics/testing/consumed';
import { FixtureEvent, programEvents } from './visit-metrics/testing/visit-events.fixture';

/**
 * Database commands (round trips) per projected event on warm collections: every case runs
 * once on other visits before it is measured. Ceilings pinned to the measured counts;
 * docs/performance.md lists what each command is.
 */
const budget = new CommandBudget({
  'AppointmentBooked projected alone': 5,
  'SessionEnded projected alone': 4,
  '900 events projected in batches of 300': 23,
  // Its message and its visit (guarded by event id), the visit's counters (read, day and month
  // buckets), then the message's: read, its month bucket, where it now counts.
  'reminder NotificationSent projected alone': 8,
  'event tallied': 1,
  // The staff member's previous record (which clinics to leave), the roster moves, the record.
  'StaffMemberRecorded named': 3,
  'ClinicRecorded named': 1,
  // The pointer and the clinics' names and rosters, then buckets, schedules and staff, in
  // parallel. An analyst of every clinic reads the names after the buckets instead: also 5.
  'metrics by clinic for an analyst of two clinics': 5,
  'metrics by clinic for an analyst of every clinic': 5,
  // What the monthly report page asks: twelve months in total and by clinic, the month by
  // visit type and by provider; whole months, so month buckets. Five reads each, and the
  // providers' names for the split by provider.
  'monthly report for an analyst of two clinics': 21,
  // The pointer, the months' message buckets of the clinics, their names.
  'reach by clinic over a year for an analyst of two clinics': 3,
} as const);

const program = (seed: number) =>
  programEvents({
    seed,
    visits: 40,
    from: '2026-03-01',
    days: 28,
    clinics: 2,
    providersPerClinic: 2,
  });

describe('database commands per analytics use case', () => {
  const ns = new TestNamespace('analytics-commands');
  let connection: Connection;
  let counter: CommandCounter;
  let projection: VisitMetricsProjection;
  let store: VisitMetricsCollections;
  let directory: DirectoryNamesCollections;

  beforeAll(async () => {
    connection = await ns.connect('analytics', { monitorCommands: true });
    store = new VisitMetricsCollections(connection.db!, 'budget');
    directory = new DirectoryNamesCollections(connection.db!);
    await store.ensureIndexes();
    projection = new VisitMetricsProjection(store);
    counter = CommandCounter.attach(connection.getClient());
  });

  afterAll(async () => {
    budget.report();
    counter?.detach();
    await ns.dispose();
  });

  const firstOf = (events: readonly FixtureEvent[], type: string): FixtureEvent => {
    const found = events.find((event) => event.type === type);
    if (!found) throw new Error(`the fixture has no ${type}`);
    return found;
  };
  const apply = (events: readonly FixtureEvent[]) => () =>
    projection.apply(events.map((event, offset) => consumed(event, offset)));

  it('AppointmentBooked projected alone', async () => {
    const [warm, measured] = [program(1), program(2)];
    const booked = 'thc.scheduling.AppointmentBooked.v1';
    await apply([firstOf(warm, booked)])();
    const { usage } = await counter.measure(apply([firstOf(measured, booked)]));
    budget.check('AppointmentBooked projected alone', usage);
  });

  it('SessionEnded projected alone', async () => {
    const [warm, measured] = [program(3), program(4)];
    const created = 'thc.sessions.SessionCreated.v1';
    const ended = 'thc.sessions.SessionEnded.v1';
    for (const events of [warm, measured]) {
      const session = firstOf(events, ended).data['sessionId'];
      await apply(events.filter((e) => e.type === created && e.data['sessionId'] === session))();
    }
    await apply([firstOf(warm, ended)])();
    const { usage } = await counter.measure(apply([firstOf(measured, ended)]));
    budget.check('SessionEnded projected alone', usage);
  });

  it('900 events projected in batches of 300', async () => {
    expect(VISIT_METRICS_BATCH).toBeGreaterThanOrEqual(300);
    const events = [...program(5), ...program(6), ...program(7)].slice(0, 900);
    expect(events).toHaveLength(900);
    await apply(program(8).slice(0, 300))();
    const { usage } = await counter.measure(async () => {
      for (const batch of batches(events, 300)) await apply(batch)();
    });
    budget.check('900 events projected in batches of 300', usage);
  });

  it('reminder NotificationSent projected alone', async () => {
    const sentReminder = (seed: number) => {
      const events = program(seed);
      const found = notificationEvents(events, seed).find(
        (e) => e.type === 'thc.notifications.NotificationSent.v1' && e.data['kind'] === 'reminder',
      );
      const booked = events.find(
        (e) =>
          e.type === 'thc.scheduling.AppointmentBooked.v1' &&
          e.data['appointmentId'] === found?.data['appointmentId'],
      );
      if (!found || !booked) throw new Error('the fixture has no reminder sent');
      return { found, booked };
    };
    const [warm, measured] = [sentReminder(12), sentReminder(13)];
    for (const { booked } of [warm, measured]) await apply([booked])();
    await apply([warm.found])();
    const { usage } = await counter.measure(apply([measured.found]));
    budget.check('reminder NotificationSent projected alone', usage);
  });

  it('event tallied', async () => {
    const tally = new EventTallyProjection(
      connection.model<EventTally>(EVENT_TALLY, eventTallySchema),
    );
    const [warm, measured] = [program(9), program(10)].map((events): ConsumedEvent =>
      consumed(firstOf(events, 'thc.sessions.SessionStarted.v1')),
    );
    await tally.apply(warm!);
    const { usage } = await counter.measure(() => tally.apply(measured!));
    budget.check('event tallied', usage);
  });

  it('StaffMemberRecorded named', async () => {
    const names = new DirectoryNamesProjection(directory);
    const name = { family: 'Okafor', given: ['Adaeze'] };
    const [a, b] = [randomUUID(), randomUUID()];
    const [warm, measured] = [randomUUID(), randomUUID()];
    await names.apply(consumed(providerRecorded(warm, name, [a])));
    await names.apply(consumed(providerRecorded(measured, name, [a])));
    const moved = consumed(providerRecorded(measured, name, [b], '2026-03-01T00:00:00Z'));
    const { usage } = await counter.measure(() => names.apply(moved));
    budget.check('StaffMemberRecorded named', usage);
  });

  it('ClinicRecorded named', async () => {
    const names = new DirectoryNamesProjection(directory);
    await names.apply(consumed(clinicRecorded(randomUUID(), 'Warm Clinic')));
    const recorded = consumed(clinicRecorded(randomUUID(), 'Harbor Clinic'));
    const { usage } = await counter.measure(() => names.apply(recorded));
    budget.check('ClinicRecorded named', usage);
  });

  describe('metrics queries', () => {
    const events = program(11);
    const clinics = [...new Set(events.map((e) => e.data['clinicId']).filter(Boolean))] as string[];
    const query = {
      from: '2026-03-01',
      to: '2026-03-31',
      groupBy: 'month',
      by: 'clinic',
    } as MetricsQuery;
    let reader: MetricsTableReader;
    let reach: ReachReader;

    beforeAll(async () => {
      await apply(events)();
      await apply(notificationEvents(events, 11))();
      const versions: ServingCollections = {
        // As the service does: one pointer read per query.
        activeCollections: async () => {
          await connection
            .db!.collection('projection_pointers')
            .findOne({ _id: 'budget' as never });
          return store;
        },
      };
      reader = new MetricsTableReader(versions, new DirectoryNamesReader(directory));
      reach = new ReachReader(versions, new DirectoryNamesReader(directory));
    });

    it.each([
      ['metrics by clinic for an analyst of two clinics', clinics] as const,
      ['metrics by clinic for an analyst of every clinic', 'all'] as const,
    ])('%s', async (useCase, scope) => {
      const analyst = { subject: 'analyst', roles: ['analyst'], clinics: scope } as const;
      const now = new Date('2026-04-15T00:00:00Z');
      await reader.read(query, analyst, now);
      const { result, usage } = await counter.measure(() => reader.read(query, analyst, now));
      // Other cases' programs share the store: every clinic's analyst sees their clinics too.
      const seen = result.rows.map((row) => row.clinicId);
      if (scope === 'all') expect(seen).toEqual(expect.arrayContaining(clinics));
      else expect(seen.sort()).toEqual([...clinics].sort());
      budget.check(useCase, usage);
    });

    it('monthly report for an analyst of two clinics', async () => {
      const analyst = { subject: 'analyst', roles: ['analyst'], clinics } as const;
      const now = new Date('2026-04-15T00:00:00Z');
      const year = { from: '2025-04-01', to: '2026-03-31', groupBy: 'month' } as const;
      const month = { from: '2026-03-01', to: '2026-03-31', groupBy: 'month' } as const;
      const report = () =>
        Promise.all(
          [
            year,
            { ...year, by: 'clinic' },
            { ...month, by: 'visitType' },
            { ...month, by: 'provider' },
          ].map((q) => reader.read(q as MetricsQuery, analyst, now)),
        );
      await report();
      const { result, usage } = await counter.measure(report);
      expect(
        result[0]!.rows.find((r) => r.period === '2026-03')?.values['scheduled'],
      ).toBeGreaterThan(0);
      budget.check('monthly report for an analyst of two clinics', usage);
    });

    it('reach by clinic over a year for an analyst of two clinics', async () => {
      const analyst = { subject: 'analyst', roles: ['analyst'], clinics } as const;
      const query = { from: '2025-04', to: '2026-03', by: 'clinic' } as ReachQuery;
      await reach.read(query, analyst);
      const { result, usage } = await counter.measure(() => reach.read(query, analyst));
      expect(result.rows.map((r) => r.clinicId).sort()).toEqual(
        expect.arrayContaining([...clinics].sort()),
      );
      expect(result.rows.every((r) => r.clinicId && clinics.includes(r.clinicId))).toBe(true);
      budget.check('reach by clinic over a year for an analyst of two clinics', usage);
    });
  });
});
