import { MongoEventStore } from '@thc/event-store';
import { CommandBudget, CommandCounter, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { Connection } from 'mongoose';
import { OutboxRelay } from './outbox-relay';

const TYPE = 'thc.test.Counted.v1';

/**
 * Database commands (round trips) of one relay pass, with the lease held as in production.
 * Ceilings pinned to the measured counts; docs/performance.md lists what each command is.
 */
const budget = new CommandBudget({
  'pass with nothing pending': 1,
  'pass publishing 1 event': 3,
  'pass publishing 100 events': 3,
} as const);

describe('database commands per outbox relay pass', () => {
  const ns = new TestNamespace('relay-commands');
  let connection: Connection;
  let counter: CommandCounter;
  let producer: Producer;
  let store: MongoEventStore;
  let relay: OutboxRelay;

  beforeAll(async () => {
    connection = await ns.connect('relay', { monitorCommands: true });
    const topic = ns.topic('relayed');
    await ns.createTopics([topic]);
    producer = ns.kafka().producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    store = new MongoEventStore(connection);
    await store.init();
    relay = new OutboxRelay(store, producer, { source: '/thc/test', topic });
    counter = CommandCounter.attach(connection.getClient());
    // Warm: the lease is claimed and the producer knows the topic's partitions.
    await store.append('warm', 'noStream', [{ type: TYPE, data: { n: 0 } }]);
    expect(await relay.publishPending()).toBe(1);
  });

  afterAll(async () => {
    budget.report();
    counter?.detach();
    await relay?.stop();
    await producer?.disconnect();
    await ns.dispose();
  });

  /** Appends `count` events, one per stream as most appends are. */
  async function appendEvents(label: string, count: number): Promise<void> {
    for (let n = 1; n <= count; n++)
      await store.append(`${label}-${n}`, 'noStream', [{ type: TYPE, data: { n } }]);
  }

  it('pass with nothing pending', async () => {
    const { result, usage } = await counter.measure(() => relay.publishPending());
    expect(result).toBe(0);
    budget.check('pass with nothing pending', usage);
  });

  it.each([
    ['pass publishing 1 event', 1],
    ['pass publishing 100 events', 100],
  ] as const)('%s', async (useCase, count) => {
    await appendEvents(useCase.replace(/ /g, '-'), count);
    const { result, usage } = await counter.measure(() => relay.publishPending());
    expect(result).toBe(count);
    expect(await store.readPending(10)).toEqual([]);
    budget.check(useCase, usage);
  });
});
