import { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_TOPICS, EXAMPLE_IDS, SHARED_TOPICS, TOPICS, toKafkaHeaders } from '@thc/contracts';
import { ensureLocalKeys } from '@thc/auth';
import { createServiceApp } from '@thc/service-runtime';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../services/compliance-audit/src/app.module';
import { AuditTrailCollections } from '../../services/compliance-audit/src/audit-trail/audit-trail.collections';
import { AuditIntake } from '../../services/compliance-audit/src/intake/audit-intake';
import { serviceIdentity } from '../../services/compliance-audit/src/service.identity';

export interface BenchContext {
  readonly kafkaBrokers: string;
  readonly mongoUrl: string;
  readonly report: (line: string) => void;
}

// Sized to stay near a minute on a 2-core machine with FerretDB, where each inserted document
// costs a SQLite write: half the events are PHI reads (which also feed the burst counters and
// the deferred access checks), half are bookings (which also feed the care relationships).
const EVENTS = Number(process.env['BENCH_AUDIT_EVENTS'] ?? 6000);
const PATIENTS = 300;
const DIRECT_EVENTS = 3000;
const DIRECT_BATCH = 500;

/**
 * Audit ingestion against plain kafkajs, on the same broker, topics and run:
 * 1. a kafkajs consumer that only receives the two topics (the raw consume rate);
 * 2. the compliance-audit service itself consuming them: validation, mapping, care links,
 *    hash-chaining with the sequence claim, burst counters and queued checks (events/s until
 *    the last entry is chained, and the chain verified after);
 * 3. the same pipeline without Kafka (AuditIntake in batches of 500), to split the cost.
 */
export async function benchIngestion(ctx: BenchContext): Promise<void> {
  const id = randomBytes(4).toString('hex');
  const prefix = `bench.${id}.`;
  const kafka = new Kafka({
    clientId: `bench-${id}`,
    brokers: ctx.kafkaBrokers.split(','),
    logLevel: logLevel.ERROR,
  });
  const admin = kafka.admin();
  await admin.connect();
  const topics = EVENT_TOPICS.map((t) => `${prefix}${t}`);
  await admin.createTopics({
    topics: topics.map((topic) => ({ topic, numPartitions: 3 })),
    waitForLeaders: true,
  });
  Object.assign(process.env, {
    MONGO_URL: ctx.mongoUrl,
    KAFKA_BROKERS: ctx.kafkaBrokers,
    MONGO_DB_PREFIX: `bench_${id}_`,
    KAFKA_TOPIC_PREFIX: prefix,
    LOG_LEVEL: 'error',
    AUDIT_CHECKPOINT_KEYS: `bench:${randomBytes(32).toString('base64')}`,
  });
  // The service verifies bearer tokens even though the benchmark sends none: local keys.
  const keysDir = join(tmpdir(), `thc-bench-keys-${id}`);
  process.env['AUTH_LOCAL_JWKS'] = (await ensureLocalKeys(keysDir)).jwksPath;
  let app: NestExpressApplication | undefined;
  try {
    await fill(kafka, prefix);
    const rawSeconds = await rawConsume(kafka, `${prefix}raw`, topics.slice(0, 2));
    const rawRate = EVENTS / rawSeconds;
    ctx.report(
      `raw kafkajs consume of ${EVENTS} events (2 topics, 3 partitions each): ${rawRate.toFixed(0)} events/s`,
    );

    const started = performance.now();
    app = await createServiceApp(AppModule, serviceIdentity, { logger: ['error'] });
    await app.init();
    const head = app.get(AuditTrailCollections).head;
    // The chain is gap-free and its head is written after the entries it names, so every event
    // is chained once the head reaches EVENTS. The head is read by its string `_id` (an index
    // lookup), where a read of entry EVENTS by its numeric `_id` would scan the trail on FerretDB
    // at every poll; polled often, so the poll adds little to the time measured.
    for (let polls = 1; ((await head.findOne({ _id: 'head' }))?.seq ?? 0) < EVENTS; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (process.env['BENCH_DEBUG'] && polls % 10 === 0)
        ctx.report(`chained so far: ${(await head.findOne({ _id: 'head' }))?.seq ?? 0}`);
    }
    const ingestSeconds = (performance.now() - started) / 1000;
    const ingestRate = EVENTS / ingestSeconds;
    ctx.report(
      `compliance-audit ingestion (consume + map + links + hash chain + rules), from start-up: ${ingestRate.toFixed(0)} events/s = ${(ingestRate / rawRate).toFixed(3)} x raw`,
    );

    const intake = app.get(AuditIntake);
    const direct = Array.from({ length: DIRECT_EVENTS }, (_, i) => cloudEvent(i));
    const directStart = performance.now();
    for (let i = 0; i < direct.length; i += DIRECT_BATCH)
      await intake.ingest(direct.slice(i, i + DIRECT_BATCH));
    const directRate = DIRECT_EVENTS / ((performance.now() - directStart) / 1000);
    ctx.report(
      `the same pipeline without Kafka (AuditIntake, batches of ${DIRECT_BATCH}): ${directRate.toFixed(0)} events/s = ${(directRate / rawRate).toFixed(3)} x raw`,
    );

    const verifyStart = performance.now();
    const { ChainVerification } =
      await import('../../services/compliance-audit/src/audit-trail/verify-chain/chain-verification.service');
    const verdict = await app.get(ChainVerification).verify();
    const verifySeconds = (performance.now() - verifyStart) / 1000;
    ctx.report(
      `chain verification of ${verdict.entries} entries: ${(verdict.entries / verifySeconds).toFixed(0)} entries/s (intact: ${verdict.intact}, checkpoints verified: ${verdict.checkpointsVerified})`,
    );
  } finally {
    await app?.close();
    await admin
      .deleteTopics({
        topics: [...topics, ...topics.map((t) => `${t}.dlq.${prefix}thc.compliance-audit`)],
      })
      .catch(() => undefined);
    await admin.disconnect();
    await rm(keysDir, { recursive: true, force: true });
    const connection = await mongoose
      .createConnection(ctx.mongoUrl, { dbName: `bench_${id}_thc_compliance_audit` })
      .asPromise();
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}

function cloudEvent(i: number) {
  const patientId = uuidFor(i % PATIENTS);
  if (i % 2 === 0) {
    const appointmentId = randomUUID();
    return {
      id: randomUUID(),
      source: '/thc/scheduling',
      type: 'thc.scheduling.AppointmentBooked.v1',
      subject: `appointment-${appointmentId}`,
      time: new Date().toISOString(),
      data: {
        appointmentId,
        providerId: EXAMPLE_IDS.providerId,
        patientId,
        clinicId: EXAMPLE_IDS.clinicId,
        visitType: 'video',
        start: '2031-03-09T09:00:00-04:00',
        end: '2031-03-09T09:30:00-04:00',
        timeZone: 'America/New_York',
        participants: [
          { participantId: patientId, role: 'patient' },
          { participantId: EXAMPLE_IDS.providerId, role: 'provider' },
        ],
        bookedAt: '2026-03-02T14:12:05Z',
        bookedBy: { kind: 'user', userId: EXAMPLE_IDS.coordinatorId, role: 'coordinator' },
      },
    };
  }
  return {
    id: randomUUID(),
    source: '/thc/scheduling',
    type: 'thc.compliance.PhiAccessed.v1',
    subject: `phi-access-${patientId}`,
    time: new Date().toISOString(),
    data: {
      accessId: randomUUID(),
      actorId: uuidFor(1000 + (i % 40)),
      role: 'provider',
      patientId,
      resource: 'Appointment',
      action: 'read',
      purpose: 'treatment',
      service: 'scheduling',
      at: new Date(Date.now() - i * 1000).toISOString(),
    },
  };
}

function uuidFor(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

async function fill(kafka: Kafka, prefix: string): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const events = Array.from({ length: EVENTS }, (_, i) => cloudEvent(i));
  for (let i = 0; i < events.length; i += 500) {
    const slice = events.slice(i, i + 500);
    await producer.sendBatch({
      topicMessages: [TOPICS.scheduling, SHARED_TOPICS.phiAccess].map((topic) => ({
        topic: `${prefix}${topic}`,
        messages: slice
          .filter(
            (e) =>
              (topic === SHARED_TOPICS.phiAccess) === (e.type === 'thc.compliance.PhiAccessed.v1'),
          )
          .map((e) => ({
            key: e.subject,
            value: JSON.stringify(e.data),
            headers: toKafkaHeaders(e),
          })),
      })),
    });
  }
  await producer.disconnect();
}

/** Seconds a plain kafkajs consumer takes to receive every event of the topics. */
async function rawConsume(kafka: Kafka, group: string, topics: string[]): Promise<number> {
  const consumer = kafka.consumer({ groupId: group, maxWaitTimeInMs: 1000 });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  let received = 0;
  const start = performance.now();
  let resolve: (seconds: number) => void = () => undefined;
  const done = new Promise<number>((r) => (resolve = r));
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch }) => {
      received += batch.messages.length;
      if (received >= EVENTS) resolve((performance.now() - start) / 1000);
    },
  });
  const seconds = await done;
  await consumer.disconnect();
  return seconds;
}
