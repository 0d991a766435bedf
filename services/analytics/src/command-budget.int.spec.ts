import { ConsumedEvent } from '@thc/messaging';
import { CommandBudget, CommandCounter, TestNamespace } from '@thc/testing';
import { Connection } from 'mongoose';
import { EventTallyProjection } from './event-intake/event-tally.projection';
import { EVENT_TALLY, EventTally, eventTallySchema } from './event-intake/event-tally.schema';
import { VisitMetricsCollections } from './visit-metrics/infrastructure/visit-metrics.collections';
import {
  VISIT_METRICS_BATCH,
  VisitMetricsProjection,
} from './visit-metrics/infrastructure/visit-metrics.projection';
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
  'event tallied': 1,
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

describe('database commands per analytics projection event', () => {
  const ns = new TestNamespace('analytics-commands');
  let connection: Connection;
  let counter: CommandCounter;
  let projection: VisitMetricsProjection;

  beforeAll(async () => {
    connection = await ns.connect('analytics', { monitorCommands: true });
    const store = new VisitMetricsCollections(connection.db!, 'budget');
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
});
