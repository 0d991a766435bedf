import { TOPICS, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumer } from '@thc/messaging';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import mongoose, { mongo } from 'mongoose';
import { VisitMetricsCollections } from '../../services/analytics/src/visit-metrics/infrastructure/visit-metrics.collections';
import {
  VISIT_METRICS_BATCH,
  VisitMetricsProjection,
} from '../../services/analytics/src/visit-metrics/infrastructure/visit-metrics.projection';
import { DirectoryNamesCollections } from '../../services/analytics/src/directory-names/directory-names.collections';
import { DirectoryNamesReader } from '../../services/analytics/src/directory-names/directory-names.reader';
import { MetricsTableReader } from '../../services/analytics/src/visit-metrics/analyst-api/metrics-table.query';
import type { MetricsQuery } from '../../services/analytics/src/visit-metrics/analyst-api/metrics-query.dto';
import type { ServingCollections } from '../../services/analytics/src/visit-metrics/infrastructure/serving-collections';
import { publishEvents } from '../../services/analytics/src/visit-metrics/testing/publish-events';
import {
  programEvents,
  FixtureEvent,
} from '../../services/analytics/src/visit-metrics/testing/visit-events.fixture';

export interface AnalyticsBenchOptions {
  readonly kafkaBrokers: string;
  readonly mongoUrl: string;
  readonly events: number;
  readonly queries: number;
  readonly report: (line: string) => void;
}

const TOPIC_NAMES = Object.values(TOPICS);
// Events one fixture visit yields on average (schedules and credentials included).
const EVENTS_PER_VISIT = 11;

/** A year of a program's events, about `count` of them, generated in chunks of visits. */
function yearOfEvents(count: number): FixtureEvent[] {
  const events: FixtureEvent[] = [];
  for (let chunk = 0; events.length < count; chunk += 1) {
    const visits = Math.max(
      1,
      Math.min(2000, Math.ceil((count - events.length) / EVENTS_PER_VISIT)),
    );
    events.push(
      ...programEvents({
        seed: chunk + 1,
        visits,
        from: '2026-01-01',
        days: 365,
        clinics: 2,
        providersPerClinic: 5,
      }),
    );
  }
  return events.slice(0, count);
}

/** Raw kafkajs: read every message of the topics once, doing nothing with it. */
async function rawConsume(kafka: Kafka, prefix: string, total: number): Promise<number> {
  const consumer = kafka.consumer({ groupId: `${prefix}raw`, maxWaitTimeInMs: 1000 });
  await consumer.connect();
  await consumer.subscribe({
    topics: TOPIC_NAMES.map((t) => `${prefix}${t}`),
    fromBeginning: true,
  });
  let seen = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        seen += batch.messages.length;
        if (seen >= total) resolve();
      },
    });
  });
  const seconds = (performance.now() - started) / 1000;
  await consumer.disconnect();
  return total / seconds;
}

/** The projection's consumer (the service's runtime and handler) until every event is stored. */
async function project(
  kafka: Kafka,
  prefix: string,
  store: VisitMetricsCollections,
  total: number,
  beforeWaiting: () => Promise<void> = async () => undefined,
): Promise<number> {
  const projection = new VisitMetricsProjection(store);
  let handled = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const consumer = new EventConsumer(kafka, {
    groupId: `${prefix}visit-metrics.${store.version}`,
    topics: TOPIC_NAMES.map((t) => `${prefix}${t}`),
    validate: (event) => validateEvent(event.type, event.data),
    maxBatchSize: VISIT_METRICS_BATCH,
    lagRefreshMs: 0,
    handleBatch: async (events: readonly ConsumedEvent[]) => {
      await projection.apply(events);
      handled += events.length;
      if (process.env['BENCH_VERBOSE']) console.log(`handled ${handled}/${total}`);
      if (handled >= total) done();
    },
  });
  const started = performance.now();
  await consumer.start();
  await beforeWaiting();
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await consumer.stop();
  return total / seconds;
}

/**
 * Raw mongodb driver: upserts by `_id` in unordered bulk writes of 500, the projection's unit of
 * work, on a collection of its own. The projection's events/s divided by this is the number of
 * events it stores per document write.
 */
async function rawWrites(db: mongo.Db, total: number): Promise<number> {
  const collection = db.collection('raw_writes');
  const started = performance.now();
  for (let first = 0; first < total; first += 500) {
    const ops = Array.from({ length: Math.min(500, total - first) }, (_, i) => ({
      updateOne: {
        filter: { _id: `doc-${(first + i) % 2000}` },
        update: { $set: { [`v.${first + i}`]: { n: 1 } } },
        upsert: true,
      },
    }));
    await collection.bulkWrite(ops as unknown as mongo.AnyBulkWriteOperation[], {
      ordered: false,
    });
  }
  return total / ((performance.now() - started) / 1000);
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export async function benchAnalytics(options: AnalyticsBenchOptions): Promise<void> {
  const { report } = options;
  const prefix = `bench.analytics.${randomBytes(3).toString('hex')}.`;
  const kafka = new Kafka({
    brokers: options.kafkaBrokers.split(','),
    clientId: 'bench-analytics',
    logLevel: logLevel.ERROR,
  });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: TOPIC_NAMES.map((t) => ({
      topic: `${prefix}${t}`,
      numPartitions: 3,
      replicationFactor: 1,
    })),
  });
  const connection = await mongoose
    .createConnection(options.mongoUrl, { dbName: `bench_analytics_${prefix.split('.')[2]}` })
    .asPromise();
  const db = connection.db;
  if (!db) throw new Error('no database');
  try {
    const events = yearOfEvents(options.events);
    report(`analytics: ${events.length} events (a year, 2 clinics x 5 providers)`);

    // Live: the projection is running while the events are published.
    if (process.env['BENCH_VERBOSE']) console.log('publishing with the live projection running');
    const live = await project(
      kafka,
      prefix,
      new VisitMetricsCollections(db, 'live'),
      events.length,
      () => publishEvents(kafka, prefix, events),
    );
    const raw = await rawConsume(kafka, prefix, events.length);
    // Rebuild: a new version reads the same topics from the start into its own collections.
    const rebuildStore = new VisitMetricsCollections(db, 'rebuild');
    const rebuild = await project(kafka, prefix, rebuildStore, events.length);
    const writes = await rawWrites(db, 5000);
    report(`  raw kafkajs consume            ${raw.toFixed(0)} events/s`);
    report(`  raw mongodb driver upserts     ${writes.toFixed(0)} writes/s (bulk of 500 by _id)`);
    report(
      `  live projection                ${live.toFixed(0)} events/s  (ratio ${(live / raw).toFixed(3)})`,
    );
    report(
      `  rebuild from the start         ${rebuild.toFixed(0)} events/s  (ratio ${(rebuild / raw).toFixed(3)})`,
    );
    report(
      `  events stored per write        live ${(live / writes).toFixed(2)}, rebuild ${(rebuild / writes).toFixed(2)} (projection events/s / raw driver writes/s)`,
    );

    const reader = new MetricsTableReader(
      { activeCollections: async () => rebuildStore } satisfies ServingCollections,
      new DirectoryNamesReader(new DirectoryNamesCollections(rebuildStore.db)),
    );
    // An analyst of the whole organization: the widest read.
    const analyst = { subject: 'bench-analyst', roles: ['analyst'], clinics: 'all' } as const;
    const shapes: MetricsQuery[] = [
      { from: '2026-01-01', to: '2026-12-31', groupBy: 'month' },
      { from: '2026-01-01', to: '2026-12-31', groupBy: 'month', by: 'clinic' },
      { from: '2026-01-01', to: '2026-12-31', groupBy: 'week' },
      { from: '2026-01-01', to: '2026-12-31', groupBy: 'day', by: 'provider' },
    ] as MetricsQuery[];
    const latencies: number[] = [];
    for (let i = 0; i < options.queries; i += 1) {
      const started = performance.now();
      await reader.read(
        shapes[i % shapes.length] as MetricsQuery,
        analyst,
        new Date('2027-01-15T00:00:00Z'),
      );
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    report(
      `  query, a year of data          p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms (${options.queries} queries: month, month by clinic, week, day by provider)`,
    );
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await admin
      .deleteTopics({ topics: TOPIC_NAMES.map((t) => `${prefix}${t}`) })
      .catch(() => undefined);
    await admin.disconnect();
  }
}
