import { NestExpressApplication } from '@nestjs/platform-express';
import { ensureLocalKeys, localKeyFiles, signLocalToken } from '@thc/auth';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedHistory, serviceDatabase } from '../../scripts/seed-history/seed-history';
// The bench drives the service as its clients do (benchmarks, like tests/, assemble services).
import {
  openScheduleBody,
  startSchedulingApp,
} from '../../services/scheduling/src/appointments/testing/scheduling-test-app';

export interface BookingBenchContext {
  readonly kafkaBrokers: string;
  readonly mongoUrl: string;
  readonly report: (line: string) => void;
  /**
   * Events of a generated history (all five services' databases) stored before the service
   * starts, so every figure is measured on a store of that size; 0 or absent: empty stores.
   */
  readonly historyEvents?: number;
  /** Wait for the service's relay to publish the history's backlog before measuring. */
  readonly drainHistory?: boolean;
}

/**
 * Providers, each open 09:00-17:00 every day of a week (112 half-hour slots), and the bookings
 * made per provider in that week, by `clients` concurrent HTTP clients.
 */
const SHAPE = {
  providers: Number(process.env['BENCH_PROVIDERS'] ?? 1000),
  slotsPerProvider: Number(process.env['BENCH_SLOTS'] ?? 7),
  clients: Number(process.env['BENCH_CLIENTS'] ?? 32),
  searches: Number(process.env['BENCH_SEARCHES'] ?? 500),
};

interface Booking {
  readonly patientId: string;
  readonly providerId: string;
  readonly clinicId: string;
  readonly visitType: 'video';
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly patientLocation: { readonly state: string };
}

/** A week of half-hour slots, spread over the providers' working hours (UTC, far future). */
function workload(): Booking[] {
  const bookings: Booking[] = [];
  for (let p = 0; p < SHAPE.providers; p++) {
    const providerId = randomUUID();
    for (let s = 0; s < SHAPE.slotsPerProvider; s++) {
      // Spread over the week's days and the working day's half hours.
      const day = 1 + (s % 7);
      const halfHour = (p * 5 + s * 3 + Math.floor(s / 7)) % 16;
      const start = Date.UTC(2032, 0, day, 9 + Math.floor(halfHour / 2), (halfHour % 2) * 30);
      bookings.push({
        patientId: randomUUID(),
        providerId,
        clinicId: randomUUID(),
        visitType: 'video',
        start: new Date(start).toISOString(),
        end: new Date(start + 30 * 60_000).toISOString(),
        timeZone: 'UTC',
        patientLocation: { state: 'NY' },
      });
    }
  }
  // Interleaved, as real traffic would be: consecutive requests hit different providers.
  return bookings.sort(() => Math.random() - 0.5);
}

async function drain<T>(items: readonly T[], clients: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let item = items[next++]; item !== undefined; item = items[next++]) await work(item);
    }),
  );
  return (performance.now() - started) / 1000;
}

/**
 * Bookings per second through the service (HTTP, credential and slot checks, provider and
 * patient ledger claims, the AppointmentBooked append), against the same AppointmentBooked
 * events appended straight to the event store with the same concurrency. The ratio is the
 * price of never double booking.
 */
export async function benchBooking(ctx: BookingBenchContext): Promise<void> {
  const id = randomBytes(4).toString('hex');
  Object.assign(process.env, {
    KAFKA_BROKERS: ctx.kafkaBrokers,
    MONGO_URL: ctx.mongoUrl,
    MONGO_DB_PREFIX: `bench_${id}_`,
    KAFKA_TOPIC_PREFIX: `bench.${id}.`,
    SCHEDULING_REQUIRE_CREDENTIAL: 'false',
    // The providers are not in the directory: only the booking path is measured.
    SCHEDULING_REQUIRE_LICENCE: 'false',
    // A log line per request would be measured too.
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    THROTTLE_LIMIT: '1000000',
  });
  // Local signing keys, as the integration tests use: the service verifies against their JWKS.
  const keysDir = join(tmpdir(), `thc-bench-keys-${id}`);
  process.env['AUTH_LOCAL_JWKS'] = (await ensureLocalKeys(keysDir)).jwksPath;
  const admin = new Kafka({
    brokers: ctx.kafkaBrokers.split(','),
    logLevel: logLevel.ERROR,
  }).admin();
  await admin.connect();
  // Every topic: the service consumes some, and its consumers start only on existing topics.
  const topics = Object.values(TOPICS).map((t) => `bench.${id}.${t}`);
  await admin.createTopics({ topics: topics.map((topic) => ({ topic })), waitForLeaders: true });
  let service: { app: NestExpressApplication; url: string } | undefined;
  // With a history, the direct baseline appends to the seeded scheduling store itself, so
  // both sides of the ratio write to a collection of the same size.
  const seeded = (ctx.historyEvents ?? 0) > 0;
  const direct = await mongoose
    .createConnection(ctx.mongoUrl, {
      dbName: seeded ? serviceDatabase('scheduling', `bench_${id}_`) : `bench_${id}_direct`,
    })
    .asPromise();
  try {
    if (seeded) {
      const history = await seedHistory({
        events: ctx.historyEvents ?? 0,
        months: 12,
        mongoUrl: ctx.mongoUrl,
        databasePrefix: `bench_${id}_`,
      });
      ctx.report(
        `seeded a history of ${history.inserted.toLocaleString('en-US')} events ` +
          `(${history.byContext.scheduling.toLocaleString('en-US')} in scheduling's store) ` +
          `in ${history.seconds.toFixed(0)} s: ${history.rate.toFixed(0)} events/s`,
      );
    }
    service = await startSchedulingApp();
    if (seeded) {
      const waited = await publishedBacklog(direct, ctx.drainHistory === true);
      ctx.report(
        ctx.drainHistory
          ? `relay published scheduling's backlog in ${waited.seconds.toFixed(0)} s before measuring`
          : `measuring while the relay publishes scheduling's backlog (${waited.pending.toLocaleString('en-US')} pending)`,
      );
    }
    const { url } = service;
    const token = await signLocalToken(localKeyFiles(keysDir), {
      role: 'coordinator',
      subject: randomUUID(),
      ttlSeconds: 3600,
      // A coordinator of the whole organization: scope costs one token check, as for anyone.
      clinics: 'all',
    });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const bookings = workload();
    // Every provider works 09:00-17:00 UTC every day (bookings must fit the schedule).
    const providers = [...new Set(bookings.map((b) => b.providerId))];
    const defineSeconds = await drain(providers, SHAPE.clients, async (providerId) => {
      const response = await fetch(`${url}/api/v1/providers/${providerId}/schedule`, {
        method: 'PUT',
        headers,
        body: JSON.stringify(
          openScheduleBody({
            timeZone: 'UTC',
            weeklyRules: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].map((weekday) => ({
              weekday,
              start: '09:00',
              end: '17:00',
              visitTypes: ['video', 'audio'],
            })),
          }),
        ),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`schedule refused: ${response.status}`);
    });
    ctx.report(
      `defined ${providers.length} schedules: ${(providers.length / defineSeconds).toFixed(0)}/s`,
    );
    let refused = 0;
    const bookLatencies: number[] = [];
    const booked: string[] = [];
    const httpSeconds = await drain(bookings, SHAPE.clients, async (booking) => {
      const started = performance.now();
      const response = await fetch(`${url}/api/v1/appointments`, {
        method: 'POST',
        headers,
        body: JSON.stringify(booking),
      });
      const body = (await response.json().catch(() => ({}))) as { appointmentId?: string };
      bookLatencies.push(performance.now() - started);
      if (response.status !== 201) refused++;
      else if (body.appointmentId) booked.push(body.appointmentId);
    });
    // Slot search for a week, per provider, while nothing else runs: latency per request.
    const latencies: number[] = [];
    const searches = Array.from(
      { length: SHAPE.searches },
      (_, i) => providers[i % providers.length] ?? '',
    );
    const searchSeconds = await drain(searches, SHAPE.clients, async (providerId) => {
      const started = performance.now();
      const response = await fetch(
        `${url}/api/v1/providers/${providerId}/slots?from=2032-01-01T00:00:00Z&to=2032-01-08T00:00:00Z`,
        { headers },
      );
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`slot search refused: ${response.status}`);
      latencies.push(performance.now() - started);
    });
    const pct = (p: number) => percentile(latencies, p);
    ctx.report(
      `slot search, one week (${searches.length} requests, ${SHAPE.clients} clients): ` +
        `${(searches.length / searchSeconds).toFixed(0)} searches/s, p50 ${pct(0.5).toFixed(1)} ms, ` +
        `p99 ${pct(0.99).toFixed(1)} ms`,
    );
    // Cancellation of a sample of the bookings: load the appointment, decide, append.
    const cancelLatencies: number[] = [];
    const cancels = booked.slice(0, SHAPE.searches);
    await drain(cancels, SHAPE.clients, async (appointmentId) => {
      const started = performance.now();
      const response = await fetch(`${url}/api/v1/appointments/${appointmentId}/cancel`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ reasonCode: 'patient-request' }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`cancel refused: ${response.status}`);
      cancelLatencies.push(performance.now() - started);
    });
    ctx.report(
      `cancel (${cancels.length} requests): p50 ${percentile(cancelLatencies, 0.5).toFixed(1)} ms, ` +
        `p99 ${percentile(cancelLatencies, 0.99).toFixed(1)} ms`,
    );
    const store = new MongoEventStore(direct);
    await store.init();
    const appendLatencies: number[] = [];
    const directSeconds = await drain(bookings, SHAPE.clients, async (booking) => {
      const appointmentId = randomUUID();
      const started = performance.now();
      await store.append(`appointment-${appointmentId}`, 'noStream', [
        { type: 'thc.scheduling.AppointmentBooked.v1', data: { ...booking, appointmentId } },
      ]);
      appendLatencies.push(performance.now() - started);
    });
    const shape = `${SHAPE.providers} providers x 112 open slots in the week, ${SHAPE.slotsPerProvider} booked each, ${SHAPE.clients} clients`;
    const httpRate = bookings.length / httpSeconds;
    const directRate = bookings.length / directSeconds;
    ctx.report(
      `booking over HTTP (${shape}): ${httpRate.toFixed(0)} bookings/s, ${refused} refused`,
    );
    ctx.report(
      `booking latency: p50 ${percentile(bookLatencies, 0.5).toFixed(1)} ms, ` +
        `p99 ${percentile(bookLatencies, 0.99).toFixed(1)} ms`,
    );
    ctx.report(
      `same events appended directly: ${directRate.toFixed(0)} events/s, ` +
        `p50 ${percentile(appendLatencies, 0.5).toFixed(1)} ms, ` +
        `p99 ${percentile(appendLatencies, 0.99).toFixed(1)} ms`,
    );
    ctx.report(`service overhead: ratio ${(httpRate / directRate).toFixed(2)}`);
  } finally {
    await service?.app.close();
    await direct.dropDatabase().catch(() => undefined);
    await direct.close();
    await dropPrefixed(ctx.mongoUrl, `bench_${id}_`);
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

/**
 * Pending events left in the scheduling store; when `wait`, polls until the relay has
 * published them all (the seeded history is stored pending, as an outbox).
 */
async function publishedBacklog(
  store: mongoose.Connection,
  wait: boolean,
): Promise<{ pending: number; seconds: number }> {
  const events = new MongoEventStore(store).model;
  const started = performance.now();
  let pending = await events.countDocuments({ pending: true });
  while (wait && pending > 0) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    pending = await events.countDocuments({ pending: true });
  }
  return { pending, seconds: (performance.now() - started) / 1000 };
}

async function dropPrefixed(mongoUrl: string, prefix: string): Promise<void> {
  const connection = await mongoose.createConnection(mongoUrl).asPromise();
  try {
    const admin = connection.db?.admin();
    if (!admin) return;
    const { databases } = await admin.listDatabases();
    for (const { name } of databases.filter((d) => d.name.startsWith(prefix)))
      await connection.useDb(name).dropDatabase();
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  benchBooking({
    kafkaBrokers: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
    mongoUrl: process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017',
    report: (line) => process.stdout.write(`${line}\n`),
  }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
