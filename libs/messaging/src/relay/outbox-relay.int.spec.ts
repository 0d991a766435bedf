import { MongoEventStore } from '@thc/event-store';
import { eventually, TestNamespace } from '@thc/testing';
import { Kafka, Producer } from 'kafkajs';
import { Connection } from 'mongoose';
import { register } from 'prom-client';
import { messageCount, ReadMessage, TopicReader } from '../jest/topic-reader';
import { LeaseDocument, OutboxLease } from './outbox-lease';
import { OutboxRelay } from './outbox-relay';

const TYPE = 'thc.test.Counted.v1';
const SOURCE = '/thc/test';

/** The `seq` of each message, per message key, in the order the messages were read. */
function sequencesByKey(messages: readonly ReadMessage[]): Record<string, number[]> {
  const byKey: Record<string, number[]> = {};
  for (const message of messages) {
    (byKey[message.key] ??= []).push((JSON.parse(message.value) as { seq: number }).seq);
  }
  return byKey;
}

const oneTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('outbox relay on a real broker and database', () => {
  const ns = new TestNamespace('outbox-relay');
  let kafka: Kafka;
  let connection: Connection;
  const producers: Producer[] = [];

  async function producer(): Promise<Producer> {
    const created = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await created.connect();
    producers.push(created);
    return created;
  }

  async function eventStore(collection: string): Promise<MongoEventStore> {
    const store = new MongoEventStore(connection, { collection });
    await store.init();
    return store;
  }

  async function appendInOrder(
    store: MongoEventStore,
    streamId: string,
    count: number,
  ): Promise<void> {
    for (let seq = 1; seq <= count; seq++) {
      await store.append(streamId, seq - 1, [{ type: TYPE, data: { seq } }]);
    }
  }

  beforeAll(async () => {
    kafka = ns.kafka();
    connection = await ns.connect('relay');
  });

  afterAll(async () => {
    await Promise.all(producers.map((p) => p.disconnect()));
    await ns.dispose();
  });

  it('publishes, once and in order, events appended while no relay was running', async () => {
    const topic = ns.topic('crash');
    await ns.createTopics([topic]);
    const store = await eventStore('crash_events');
    // The process "died" after these appends and before any publish.
    await appendInOrder(store, 'appointment-a', 3);
    await store.append('appointment-b', 'noStream', [
      { type: TYPE, data: { seq: 1 } },
      { type: TYPE, data: { seq: 2 } },
    ]);

    const relay = new OutboxRelay(store, await producer(), {
      source: SOURCE,
      topic,
      pollIntervalMs: 20,
    });
    relay.start();
    await eventually(async () => expect(await store.readPending(10)).toEqual([]));
    await relay.stop();

    expect(await messageCount(kafka, topic)).toBe(5);
    const reader = await new TopicReader(kafka, topic, ns.group('crash-reader')).start();
    await eventually(async () => expect(reader.messages).toHaveLength(5));
    await reader.stop();
    expect(sequencesByKey(reader.messages)).toEqual({
      'appointment-a': [1, 2, 3],
      'appointment-b': [1, 2],
    });
    expect(reader.messages[0]?.headers).toMatchObject({
      ce_source: SOURCE,
      ce_type: TYPE,
      'content-type': 'application/json',
    });
  });

  it('never reorders a stream when two relays race on one outbox and the lease changes hands', async () => {
    const topic = ns.topic('race');
    await ns.createTopics([topic]);
    const [storeA, storeB, storeC] = await Promise.all(
      ['race_events', 'race_events', 'race_events'].map(eventStore),
    );
    const options = {
      source: SOURCE,
      topic,
      batchSize: 20,
      pollIntervalMs: 5,
      lease: { ttlMs: 3000 },
    };
    const [producerA, producerB, producerC] = await Promise.all([
      producer(),
      producer(),
      producer(),
    ]);
    const sends = [producerA, producerB, producerC].map((p) => jest.spyOn(p!, 'sendBatch'));
    const relays = [
      new OutboxRelay(storeA!, producerA!, options),
      new OutboxRelay(storeB!, producerB!, options),
    ];
    relays.forEach((relay) => relay.start());

    const streams = ['s1', 's2', 's3', 's4'];
    const perStream = 40;
    const writing = Promise.all(streams.map((stream) => appendInOrder(storeC!, stream, perStream)));
    // Hand over mid-stream: stop whichever relay publishes; the other must take over.
    await eventually(async () => expect(await messageCount(kafka, topic)).toBeGreaterThan(30));
    const holder = relays.find((relay) => relay.holdsLease);
    expect(holder).toBeDefined();
    await holder?.stop();
    const replacement = new OutboxRelay(storeA!, producerC!, options);
    replacement.start();
    await writing;

    const total = streams.length * perStream;
    await eventually(async () => expect(await storeC!.readPending(10)).toEqual([]), {
      timeoutMs: 30_000,
    });
    await Promise.all([...relays, replacement].map((relay) => relay.stop()));

    expect(await messageCount(kafka, topic)).toBe(total);
    // The lease changed hands: more than one instance published.
    expect(sends.filter((send) => send.mock.calls.length > 0).length).toBeGreaterThan(1);
    const reader = await new TopicReader(kafka, topic, ns.group('race-reader')).start();
    await eventually(async () => expect(reader.messages).toHaveLength(total));
    await reader.stop();
    expect(sequencesByKey(reader.messages)).toEqual(
      Object.fromEntries(streams.map((s) => [s, oneTo(perStream)])),
    );
  });

  it('grants the lease to one instance at a time, and to another once released or expired', async () => {
    const leases = connection.collection<LeaseDocument>('outbox_leases');
    let now = Date.now();
    const clock = (): number => now;
    const a = new OutboxLease(leases, { name: 'lease-test', owner: 'a', ttlMs: 1000, now: clock });
    const b = new OutboxLease(leases, { name: 'lease-test', owner: 'b', ttlMs: 1000, now: clock });

    expect((await Promise.all([a.ensureHeld(), b.ensureHeld()])).sort()).toEqual([false, true]);
    const [holder, other] = a.held ? [a, b] : [b, a];

    now += 500; // the holder renews past a third of its TTL; the other still cannot take it
    expect(await holder.ensureHeld()).toBe(true);
    expect(await other.ensureHeld()).toBe(false);

    now += 1001; // the holder stopped renewing: its lease expired
    expect(await other.ensureHeld()).toBe(true);
    expect(await holder.ensureHeld()).toBe(false);

    await other.release();
    expect(await holder.ensureHeld()).toBe(true);
  });

  it('reports backlog and oldest age while standing by, and counts what it publishes', async () => {
    const topic = ns.topic('metrics');
    await ns.createTopics([topic]);
    const store = await eventStore('metrics_events');
    await appendInOrder(store, 'appointment-m', 2);
    // Another instance holds the lease: this relay stands by, and the backlog stays.
    const leases = connection.collection<LeaseDocument>('outbox_leases');
    await leases.insertOne({
      _id: topic,
      owner: 'elsewhere',
      expiresAt: new Date(Date.now() + 60_000),
    });
    const relay = new OutboxRelay(store, await producer(), {
      source: SOURCE,
      topic,
      pollIntervalMs: 20,
    });
    relay.start();

    const series = async (name: string): Promise<number | undefined> =>
      (await register.getSingleMetric(name)?.get())?.values.find((v) => v.labels['relay'] === topic)
        ?.value;
    expect(await series('thc_outbox_backlog')).toBe(2);
    expect(await series('thc_outbox_oldest_pending_age_seconds')).toBeGreaterThan(0);

    await leases.deleteOne({ _id: topic }); // the other instance is gone: take over
    await eventually(async () => expect(await series('thc_outbox_backlog')).toBe(0));
    expect(await series('thc_outbox_oldest_pending_age_seconds')).toBe(0);
    expect(await series('thc_outbox_published_total')).toBe(2);
    await relay.stop();
  });
});
