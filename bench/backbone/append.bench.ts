import { getMongoDBEventStore, toStreamName } from '@event-driven-io/emmett-mongodb';
import { EventDocument, eventDocumentSchema, MongoEventStore, NewEvent } from '@thc/event-store';
import { Collection, CreateIndexesOptions, IndexSpecification, MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';

export interface BenchContext {
  readonly mongoUrl: string;
  readonly report: (line: string) => void;
}

/** `streams` streams appended to concurrently, each receiving `appends` single-event appends in order. */
interface Workload {
  readonly label: string;
  readonly streams: number;
  readonly appends: number;
}

// Sized so that the whole run, Emmett included, stays well under a minute on FerretDB.
const WORKLOADS: readonly Workload[] = [
  { label: '1 stream', streams: 1, appends: 300 },
  { label: '100 streams', streams: 100, appends: 10 },
];

/** Appends the `n`-th event (from 0) of a stream, alone; a stream's events come in order. */
type Appender = (streamId: string, n: number) => Promise<void>;

/**
 * Append throughput of the event store against the raw driver inserting the very same
 * documents with insertMany (the floor any store on this server pays), and against Emmett's
 * MongoDB event store doing the same appends. Everything runs on the server at `mongoUrl`,
 * in a database of its own that is dropped at the end.
 */
export async function benchAppend(ctx: BenchContext): Promise<void> {
  const dbName = `bench_append_${randomBytes(4).toString('hex')}`;
  const client = await MongoClient.connect(ctx.mongoUrl);
  const connection = await mongoose.createConnection(ctx.mongoUrl, { dbName }).asPromise();
  try {
    const raw = rawAppender(await eventCollection(client, dbName, 'raw'));
    const store = new MongoEventStore(connection, { collection: 'store' });
    await store.init();
    const ours = storeAppender(store);
    // The first few hundred writes of a run are slower on FerretDB whoever makes them.
    await run({ label: 'warm-up', streams: 10, appends: 20 }, raw);
    await run({ label: 'warm-up', streams: 10, appends: 20 }, ours);
    for (const workload of WORKLOADS) {
      const rates = await interleaved(workload, raw, ours);
      const shape = `${workload.streams} x ${workload.appends} single-event appends`;
      ctx.report(`raw insertMany ${workload.label} (${shape}): ${rounded(rates.raw)} events/s`);
      ctx.report(
        `append ${workload.label}: ${rounded(rates.ours)} events/s, ratio to raw ${(rates.ours / rates.raw).toFixed(2)}`,
      );
      ctx.report(await emmettLine(workload, client, dbName, rates));
    }
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await Promise.all([connection.close(), client.close()]);
  }
}

/**
 * Raw and store take turns on fresh streams, in the order raw, store, store, raw (twice), so
 * neither profits from going second; FerretDB's pace drifts during a run (SQLite checkpoints),
 * so each side's rate is the median of its runs.
 */
async function interleaved(
  workload: Workload,
  raw: Appender,
  ours: Appender,
): Promise<{ raw: number; ours: number }> {
  const rates = { raw: [] as number[], ours: [] as number[] };
  for (const who of ['raw', 'ours', 'ours', 'raw', 'raw', 'ours', 'ours', 'raw'] as const) {
    rates[who].push(
      (workload.streams * workload.appends) / (await run(workload, who === 'raw' ? raw : ours)),
    );
  }
  return { raw: median(rates.raw), ours: median(rates.ours) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? upper;
  return (lower + upper) / 2;
}

/** Runs the workload on fresh streams; returns the seconds it took. */
async function run(workload: Workload, append: Appender): Promise<number> {
  const prefix = `visit-${randomUUID().slice(0, 8)}`;
  let failure: { error: unknown } | undefined;
  const stream = async (streamId: string): Promise<void> => {
    for (let n = 0; n < workload.appends && !failure; n++) {
      await append(streamId, n).catch((error: unknown) => {
        failure ??= { error };
      });
    }
  };
  const started = performance.now();
  // One failure stops every stream, and all have stopped before it is reported: dropping the
  // database under writes still running crashes FerretDB/SQLite (SIGBUS on the deleted file).
  await Promise.all(Array.from({ length: workload.streams }, (_, s) => stream(`${prefix}-${s}`)));
  if (failure) throw failure.error;
  return (performance.now() - started) / 1000;
}

// A typical scheduling event: ids, a time, a type; metadata as a command handler sets it.
function event(streamId: string, n: number): NewEvent<Record<string, unknown>> {
  return {
    type: 'thc.scheduling.AppointmentBooked.v1',
    data: {
      appointmentId: streamId,
      providerId: randomUUID(),
      patientId: randomUUID(),
      slotStart: new Date(Date.UTC(2025, 0, 1, 9, n % 60)).toISOString(),
      visitType: 'follow-up',
    },
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: 'coordinator-1' },
  };
}

// As a command handler appends: the first event expects no stream, then the version it got back.
function storeAppender(store: MongoEventStore): Appender {
  const versions = new Map<string, number>();
  return async (streamId, n) => {
    const version = versions.get(streamId) ?? 0;
    const result = await store.append(streamId, version === 0 ? 'noStream' : version, [
      event(streamId, n),
    ]);
    versions.set(streamId, result.nextExpectedVersion);
  };
}

// The documents the store writes for the same appends, field for field.
function rawAppender(events: Collection<EventDocument>): Appender {
  return async (streamId, n) => {
    const { type, data, metadata } = event(streamId, n);
    const version = n + 1;
    const document: EventDocument = {
      _id: randomUUID(),
      streamId,
      version,
      batchStart: version,
      batchEnd: version,
      type,
      data,
      metadata: { ...metadata },
      recordedAt: new Date(),
      pending: true,
    };
    await events.insertMany([document], { ordered: true });
  };
}

/** A collection with the store's indexes, so raw inserts pay the same index upkeep. */
async function eventCollection(
  client: MongoClient,
  dbName: string,
  name: string,
): Promise<Collection<EventDocument>> {
  const events = client.db(dbName).collection<EventDocument>(name);
  for (const [keys, options] of eventDocumentSchema.indexes())
    await events.createIndex(keys as IndexSpecification, options as CreateIndexesOptions);
  return events;
}

async function emmettLine(
  workload: Workload,
  client: MongoClient,
  dbName: string,
  rates: { raw: number; ours: number },
): Promise<string> {
  const name = `emmett-mongodb append ${workload.label}`;
  try {
    const emmett = getMongoDBEventStore({
      client,
      storage: {
        type: 'SINGLE_COLLECTION',
        databaseName: dbName,
        collectionName: `emmett_${workload.streams}`,
      },
    });
    const versions = new Map<string, bigint>();
    const append: Appender = async (streamId, n) => {
      const { type, data } = event(streamId, n);
      const expectedStreamVersion = versions.get(streamId) ?? 0n;
      const result = await emmett.appendToStream(
        toStreamName('visit', streamId),
        [{ type, data }],
        { expectedStreamVersion },
      );
      versions.set(streamId, result.nextExpectedStreamVersion);
    };
    const rate = (workload.streams * workload.appends) / (await run(workload, append));
    const ratio = (rate / rates.raw).toFixed(2);
    return `${name}: ${rounded(rate)} events/s, ratio to raw ${ratio}; ours ${(rates.ours / rate).toFixed(1)}x faster`;
  } catch (error) {
    const message = (error as Error).message;
    // Emmett appends by updating one document per stream; FerretDB's SQLite backend refuses
    // concurrent updates where concurrent inserts (what the store does) go through.
    const why = message.includes('SQLITE_BUSY')
      ? 'concurrent updates fail on FerretDB/SQLite: '
      : '';
    return `${name}: cannot run on this server: ${why}${message}`;
  }
}

const rounded = (eventsPerSecond: number): string => Math.round(eventsPerSecond).toString();
