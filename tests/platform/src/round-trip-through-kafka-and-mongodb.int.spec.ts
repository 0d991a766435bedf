import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  EVENT_TOPICS,
  eventDefinition,
  SHARED_TOPICS,
  TOPICS,
  toKafkaHeaders,
} from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { AppModule as AnalyticsModule } from '../../../services/analytics/src/app.module';
import { EventTallyProjection } from '../../../services/analytics/src/event-intake/event-tally.projection';
import { AppModule as SchedulingModule } from '../../../services/scheduling/src/app.module';

const BOOKED = 'thc.scheduling.AppointmentBooked.v1';
const MARKER = 'thc.scheduling.AppointmentCheckedIn.v1';
const PHI_ACCESSED = 'thc.compliance.PhiAccessed.v1';

/** A valid instance of a contract event about one appointment (consumers check schemas). */
function about(type: string, appointmentId: string): Record<string, unknown> {
  return { ...(eventDefinition(type)!.example as Record<string, unknown>), appointmentId };
}

describe('round trip through Kafka and MongoDB', () => {
  const ns = new TestNamespace('round-trip');
  let scheduling: INestApplication;
  let analytics: INestApplication;

  beforeAll(async () => {
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    await ns.createTopics(EVENT_TOPICS.map((t) => ns.topic(t)));
    scheduling = await NestFactory.create(SchedulingModule, { logger: ['error', 'warn'] });
    analytics = await NestFactory.create(AnalyticsModule, { logger: ['error', 'warn'] });
    await Promise.all([scheduling.init(), analytics.init()]);
  });

  afterAll(async () => {
    await Promise.all([scheduling?.close(), analytics?.close()]);
    await ns.dispose();
  });

  it('an event appended in scheduling is counted once by analytics, even when redelivered', async () => {
    const store = scheduling.get(MongoEventStore);
    const tally = analytics.get(EventTallyProjection);
    const appointmentId = randomUUID();

    const { events } = await store.append(`appointment-${appointmentId}`, 'noStream', [
      { type: BOOKED, data: about(BOOKED, appointmentId) },
    ]);
    const day = events[0]!.recordedAt.toISOString().slice(0, 10);

    await eventually(async () => expect(await tally.countOf(BOOKED, day)).toBe(1));
    const stored = await store.model.findById(events[0]!.id).lean();
    expect(stored?.pending).toBeUndefined();
    expect(stored?.publishedAt).toBeInstanceOf(Date);

    // Redeliver the very same message, as Kafka may after a consumer crash before commit.
    const producer = ns.kafka().producer();
    await producer.connect();
    await producer.send({
      topic: ns.topic(TOPICS.scheduling),
      messages: [
        {
          key: `appointment-${appointmentId}`,
          value: JSON.stringify(events[0]!.data),
          headers: toKafkaHeaders({
            id: events[0]!.id,
            source: '/thc/scheduling',
            type: BOOKED,
            subject: `appointment-${appointmentId}`,
            time: events[0]!.recordedAt.toISOString(),
          }),
        },
        // A marker behind the duplicate on the same partition: once it is counted, the
        // duplicate before it has certainly been handled.
        {
          key: `appointment-${appointmentId}`,
          value: JSON.stringify(about(MARKER, appointmentId)),
          headers: toKafkaHeaders({
            id: randomUUID(),
            source: '/thc/scheduling',
            type: MARKER,
            subject: `appointment-${appointmentId}`,
            time: events[0]!.recordedAt.toISOString(),
          }),
        },
      ],
    });
    await producer.disconnect();

    await eventually(async () => expect(await tally.countOf(MARKER, day)).toBe(1));
    expect(await tally.countOf(BOOKED, day)).toBe(1);
  });

  it("routes an event to its contract's topic: a PhiAccessed recorded by scheduling goes to thc.compliance.phi-access.v1, never to thc.compliance.v1", async () => {
    const store = scheduling.get(MongoEventStore);
    const access: Record<string, unknown> = {
      ...(eventDefinition(PHI_ACCESSED)!.example as Record<string, unknown>),
      accessId: randomUUID(),
    };
    await store.append(`phi-access-${String(access['patientId'])}`, 'any', [
      { type: PHI_ACCESSED, data: access },
    ]);

    const consumer = ns.kafka().consumer({ groupId: ns.group('compliance-reader') });
    const seen: { topic: string; type?: string; source?: string; accessId?: unknown }[] = [];
    await consumer.connect();
    await consumer.subscribe({
      topics: [ns.topic(SHARED_TOPICS.phiAccess), ns.topic(TOPICS.compliance)],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        seen.push({
          topic,
          type: message.headers?.['ce_type']?.toString(),
          source: message.headers?.['ce_source']?.toString(),
          accessId: (JSON.parse(message.value!.toString()) as Record<string, unknown>)['accessId'],
        });
      },
    });
    try {
      await eventually(async () =>
        expect(seen).toContainEqual({
          topic: ns.topic(SHARED_TOPICS.phiAccess),
          type: PHI_ACCESSED,
          source: '/thc/scheduling',
          accessId: access['accessId'],
        }),
      );
      // Scheduling writes nothing on compliance-audit's own topic.
      expect(seen.filter(({ topic }) => topic === ns.topic(TOPICS.compliance))).toEqual([]);
    } finally {
      await consumer.disconnect();
    }
  });
});
