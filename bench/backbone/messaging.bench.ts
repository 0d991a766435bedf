import { MongoEventStore, StoredEvent } from '@thc/event-store';
import {
  applyOnce,
  applyOnceBulk,
  ConsumedEvent,
  EventConsumer,
  OutboxRelay,
  outboxMessage,
  RelayStore,
} from '@thc/messaging';
import { Admin, Kafka, logLevel, Producer } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';

export interface BenchContext {
  readonly kafkaBrokers: string;
  readonly mongoUrl: string;
  readonly report: (line: string) => void;
}

// Sized so that the whole run stays near a minute on a 2-core machine with FerretDB, where
// every updated document costs its own SQLite transaction (a few ms): the relay marks each
// event it publishes, so its share is kept smaller than the consumer's.
const RELAY_EVENTS = 1500;
const CONSUMED_EVENTS = 20_000;
const STREAMS = 200;
const EVENTS_PER_APPEND = 50;
const SEND_BATCH = 500;
const LATENCY_EVENTS = 400;
const LATENCY_STREAMS = 20;
const LATENCY_APPENDS_PER_SECOND = 40;
const SOURCE = '/thc/bench';
const TYPE = 'thc.bench.Counted.v1';

/**
 * The messaging backbone against plain kafkajs on the same broker and database:
 * 1. relay publish rate (read pending, send with an idempotent acks=all producer, mark) against
 *    a kafkajs producer sending the very same messages with the same settings, with the time
 *    split between reading, sending and marking;
 * 2. consume-and-handle rate of EventConsumer with a batch handler writing an idempotent
 *    projection (applyOnceBulk, one counter per stream) against a kafkajs consumer that only
 *    receives the same topic;
 * 3. latency from append to handled through relay, Kafka and consumer, at the default settings.
 * Topics and the database are private to the run and removed at the end.
 */
export async function benchMessaging(ctx: BenchContext): Promise<void> {
  const run = await BenchRun.open(ctx);
  try {
    await benchPublish(run);
    await benchConsume(run);
    await benchLatency(run);
  } finally {
    await run.close();
  }
}

/** The clients, names and clean-up of one run. */
class BenchRun {
  private readonly topics: string[] = [];
  private readonly closers: (() => Promise<void>)[] = [];

  private constructor(
    readonly ctx: BenchContext,
    readonly id: string,
    readonly kafka: Kafka,
    readonly admin: Admin,
    readonly connection: Connection,
  ) {}

  static async open(ctx: BenchContext): Promise<BenchRun> {
    const id = randomBytes(4).toString('hex');
    const kafka = new Kafka({
      clientId: `bench-${id}`,
      brokers: ctx.kafkaBrokers.split(','),
      logLevel: logLevel.ERROR,
    });
    const admin = kafka.admin();
    await admin.connect();
    const connection = await mongoose
      .createConnection(ctx.mongoUrl, { dbName: `bench_messaging_${id}` })
      .asPromise();
    return new BenchRun(ctx, id, kafka, admin, connection);
  }

  async topic(name: string): Promise<string> {
    const topic = `bench.${this.id}.${name}`;
    this.topics.push(topic);
    await this.admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    return topic;
  }

  group(name: string): string {
    return `bench.${this.id}.${name}`;
  }

  /** A consumer group's dead-letter topic, to be deleted with the others. */
  deadLetters(topic: string, group: string): void {
    this.topics.push(`${topic}.dlq.${group}`);
  }

  async producer(): Promise<Producer> {
    // The relay's settings: no duplicates or reordering on broker retries.
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    this.closers.push(() => producer.disconnect());
    return producer;
  }

  async store(collection: string): Promise<MongoEventStore> {
    const store = new MongoEventStore(this.connection, { collection });
    await store.init();
    return store;
  }

  async close(): Promise<void> {
    for (const close of this.closers.reverse()) await close().catch(() => undefined);
    await this.admin.deleteTopics({ topics: this.topics }).catch(() => undefined);
    await this.admin.disconnect();
    await this.connection.dropDatabase().catch(() => undefined);
    await this.connection.close();
  }
}

async function benchPublish(run: BenchRun): Promise<void> {
  const store = await run.store('publish_events');
  await seedOutbox(store, RELAY_EVENTS, STREAMS / 10);
  const [relayTopic, rawTopic] = [await run.topic('relay'), await run.topic('raw')];
  // The same messages the relay will send, built before the clock starts.
  const messages = (await pendingEvents(store)).map((event) => outboxMessage(event, SOURCE));

  const timed = new TimedOutbox(store);
  const relay = new OutboxRelay(timed, await run.producer(), {
    source: SOURCE,
    topic: relayTopic,
    batchSize: SEND_BATCH,
  });
  const relayStart = performance.now();
  let published = 0;
  for (let count = await relay.publishPending(); count > 0; count = await relay.publishPending())
    published += count;
  const relaySeconds = (performance.now() - relayStart) / 1000;
  await relay.stop();

  const raw = await run.producer();
  const rawStart = performance.now();
  for (let i = 0; i < messages.length; i += SEND_BATCH) {
    await raw.send({ topic: rawTopic, acks: -1, messages: messages.slice(i, i + SEND_BATCH) });
  }
  const rawSeconds = (performance.now() - rawStart) / 1000;

  const relayRate = published / relaySeconds;
  const rawRate = messages.length / rawSeconds;
  const sendSeconds = relaySeconds - timed.readSeconds - timed.markSeconds;
  run.ctx.report(
    `relay publish (${published} events, batches of ${SEND_BATCH}): ${rounded(relayRate)} events/s ` +
      `(read ${timed.readSeconds.toFixed(2)} s, send ${sendSeconds.toFixed(2)} s, mark ${timed.markSeconds.toFixed(2)} s); ` +
      `raw kafkajs producer, same messages and settings: ${rounded(rawRate)} events/s; ratio to raw ${(relayRate / rawRate).toFixed(2)}; ` +
      `without the mark (a per-document update): ratio to raw ${(published / (relaySeconds - timed.markSeconds) / rawRate).toFixed(2)}`,
  );
}

/** The event store's outbox, timing the relay's reads and marks. */
class TimedOutbox implements RelayStore {
  readSeconds = 0;
  markSeconds = 0;

  constructor(private readonly store: MongoEventStore) {}

  get model(): MongoEventStore['model'] {
    return this.store.model;
  }

  async readPending(limit?: number): Promise<StoredEvent[]> {
    const start = performance.now();
    const events = await this.store.readPending(limit);
    this.readSeconds += (performance.now() - start) / 1000;
    return events;
  }

  async markPublished(ids: readonly string[]): Promise<void> {
    const start = performance.now();
    await this.store.markPublished(ids);
    this.markSeconds += (performance.now() - start) / 1000;
  }

  outboxHead(limit: number, maxTimeMS: number): ReturnType<MongoEventStore['outboxHead']> {
    return this.store.outboxHead(limit, maxTimeMS);
  }
}

async function benchConsume(run: BenchRun): Promise<void> {
  const topic = await run.topic('consume');
  await fillTopic(run, topic, CONSUMED_EVENTS, STREAMS);
  const rawSeconds = await rawConsume(run, topic);
  const runtimeSeconds = await runtimeOnly(run, topic);

  const projections = run.connection.collection('stream_counts');
  const group = run.group('handled');
  run.deadLetters(topic, group);
  const done = countdown(CONSUMED_EVENTS);
  let writeSeconds = 0;
  const timedWrite = async (write: () => Promise<unknown>): Promise<void> => {
    const start = performance.now();
    await write();
    writeSeconds += (performance.now() - start) / 1000;
  };
  const consumer = new EventConsumer(run.kafka, {
    groupId: group,
    topics: [topic],
    partitionsConsumedConcurrently: 3,
    maxBatchSize: 1000,
    lagRefreshMs: 0,
    handler: async (event) => {
      await timedWrite(() => applyOnce(projections, ...countEffect(event)));
      done.tick(1);
    },
    handleBatch: async (events) => {
      const effects = events.map((event) => {
        const [filter, update, eventId] = countEffect(event);
        return { filter, update, eventId };
      });
      await timedWrite(() => applyOnceBulk(projections, effects));
      done.tick(events.length);
    },
  });
  await consumer.start();
  const handledSeconds = await done.seconds;
  await consumer.stop();

  const handledRate = CONSUMED_EVENTS / handledSeconds;
  const rawRate = CONSUMED_EVENTS / rawSeconds;
  const documents = await projections.countDocuments();
  run.ctx.report(
    `consume + handle (${CONSUMED_EVENTS} events; EventConsumer, batch handler, applyOnceBulk into ${documents} per-stream counters, ` +
      `3 partitions at once): ` +
      `${rounded(handledRate)} events/s; raw kafkajs consumer (eachBatch, receive only): ${rounded(rawRate)} events/s; ` +
      `ratio to raw ${(handledRate / rawRate).toFixed(2)} (both timed from the first message received; ` +
      `${writeSeconds.toFixed(2)} s of ${handledSeconds.toFixed(2)} s spent in the database writes, summed over partitions)`,
  );
  const runtimeRate = CONSUMED_EVENTS / runtimeSeconds;
  run.ctx.report(
    `consume runtime alone (same EventConsumer settings, batch handler that writes nothing: decode, spans, commits): ` +
      `${rounded(runtimeRate)} events/s; ratio to raw ${(runtimeRate / rawRate).toFixed(2)}`,
  );
}

/** Seconds EventConsumer takes over the topic with a handler that stores nothing. */
async function runtimeOnly(run: BenchRun, topic: string): Promise<number> {
  const group = run.group('runtime');
  run.deadLetters(topic, group);
  const done = countdown(CONSUMED_EVENTS);
  const consumer = new EventConsumer(run.kafka, {
    groupId: group,
    topics: [topic],
    partitionsConsumedConcurrently: 3,
    maxBatchSize: 1000,
    lagRefreshMs: 0,
    handler: async () => done.tick(1),
    handleBatch: async (events) => done.tick(events.length),
  });
  await consumer.start();
  const seconds = await done.seconds;
  await consumer.stop();
  return seconds;
}

/** Seconds a plain kafkajs consumer takes to receive the whole topic, from its first message. */
async function rawConsume(run: BenchRun, topic: string): Promise<number> {
  const consumer = run.kafka.consumer({ groupId: run.group('raw'), maxWaitTimeInMs: 1000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const done = countdown(CONSUMED_EVENTS);
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch }) => done.tick(batch.messages.length),
  });
  const seconds = await done.seconds;
  await consumer.disconnect();
  return seconds;
}

async function benchLatency(run: BenchRun): Promise<void> {
  const store = await run.store('latency_events');
  const topic = await run.topic('latency');
  const group = run.group('latency');
  run.deadLetters(topic, group);
  const relay = new OutboxRelay(store, await run.producer(), { source: SOURCE, topic });
  const projections = run.connection.collection('latency_counts');
  const latencies: number[] = [];
  const done = countdown(LATENCY_EVENTS);
  const consumer = new EventConsumer(run.kafka, {
    groupId: group,
    topics: [topic],
    lagRefreshMs: 0,
    handler: async (event) => {
      await applyOnce(projections, ...countEffect(event));
      // ce_time is when the append started.
      latencies.push(Date.now() - Date.parse(event.time));
      done.tick(1);
    },
  });
  relay.start();
  await consumer.start();
  // A steady load the database keeps up with: latency, not a queue building up.
  const appends: Promise<unknown>[] = [];
  for (let n = 0; n < LATENCY_EVENTS; n++) {
    const stream = n % LATENCY_STREAMS;
    const version = Math.floor(n / LATENCY_STREAMS);
    const previous = appends[n - LATENCY_STREAMS] ?? Promise.resolve();
    appends.push(
      previous.then(() =>
        store.append(`latency-${stream}`, version, [{ type: TYPE, data: { seq: version + 1 } }]),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000 / LATENCY_APPENDS_PER_SECOND));
  }
  await Promise.all(appends);
  await done.seconds;
  await consumer.stop();
  await relay.stop();

  latencies.sort((a, b) => a - b);
  run.ctx.report(
    `end-to-end latency append -> handled (relay poll 100 ms, per-event handler with applyOnce; ` +
      `${LATENCY_EVENTS} single-event appends at ${LATENCY_APPENDS_PER_SECOND}/s over ${LATENCY_STREAMS} streams): ` +
      `p50 ${percentile(latencies, 0.5)} ms, ` +
      `p99 ${percentile(latencies, 0.99)} ms, max ${latencies[latencies.length - 1] ?? 0} ms`,
  );
}

/** Fills the outbox as services would: multi-event appends to many streams, a few at a time. */
async function seedOutbox(store: MongoEventStore, events: number, streams: number): Promise<void> {
  const perStream = events / streams;
  const writers = 8;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let s = w; s < streams; s += writers) {
        for (let version = 0; version < perStream; version += EVENTS_PER_APPEND) {
          const batch = Array.from(
            { length: Math.min(EVENTS_PER_APPEND, perStream - version) },
            (_, i) => ({
              type: TYPE,
              data: { seq: version + i + 1, clinicId: `clinic-${s % 7}`, minutes: 30 },
            }),
          );
          await store.append(`stream-${s}`, version === 0 ? 'noStream' : version, batch);
        }
      }
    }),
  );
}

/** Writes `count` events of `streams` streams, as the relay would, with a plain producer. */
async function fillTopic(
  run: BenchRun,
  topic: string,
  count: number,
  streams: number,
): Promise<void> {
  const producer = await run.producer();
  const perStream = count / streams;
  for (let s = 0; s < streams; s += 10) {
    const messages = Array.from({ length: 10 * perStream }, (_, i) => {
      const stream = s + Math.floor(i / perStream);
      const seq = (i % perStream) + 1;
      return outboxMessage(
        {
          id: randomUUID(),
          streamId: `stream-${stream}`,
          version: seq,
          type: TYPE,
          data: { seq },
          metadata: {},
          recordedAt: new Date(),
        },
        SOURCE,
      );
    });
    await producer.send({ topic, acks: -1, messages });
  }
}

async function pendingEvents(store: MongoEventStore): Promise<StoredEvent[]> {
  const documents = await store.model
    .find({ pending: true })
    .sort({ streamId: 1, version: 1 })
    .lean()
    .exec();
  return documents.map((d) => ({
    id: d._id,
    streamId: d.streamId,
    version: d.version,
    type: d.type,
    data: d.data,
    metadata: d.metadata,
    recordedAt: d.recordedAt,
  }));
}

/** The projection both consumers write: events counted per stream, each at most once. */
function countEffect(
  event: ConsumedEvent,
): [{ _id: string }, { $inc: { count: number }; $max: { seq: number } }, string] {
  return [
    { _id: event.subject },
    { $inc: { count: 1 }, $max: { seq: (event.data as { seq: number }).seq } },
    event.id,
  ];
}

/** Resolves with the seconds from the first tick to the tick that reaches `total`. */
function countdown(total: number): {
  tick(count: number): void;
  readonly seconds: Promise<number>;
} {
  let seen = 0;
  let first: number | undefined;
  let resolve: (seconds: number) => void = () => undefined;
  const seconds = new Promise<number>((r) => (resolve = r));
  return {
    tick(count: number) {
      first ??= performance.now();
      seen += count;
      if (seen >= total) resolve((performance.now() - first) / 1000);
    },
    seconds,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function rounded(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}

if (require.main === module) {
  benchMessaging({
    kafkaBrokers: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
    mongoUrl: process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017',
    report: (line) => console.log(line),
  }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
