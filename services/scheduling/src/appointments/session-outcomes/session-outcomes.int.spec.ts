import { NestExpressApplication } from '@nestjs/platform-express';
import { SessionEndedV1, toKafkaHeaders, TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { call } from '../testing/http-client';
import {
  bookableProvider,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
} from '../testing/scheduling-test-app';

const SESSION_ENDED = 'thc.sessions.SessionEnded.v1';

describe('visit outcomes from sessions through Kafka', () => {
  const ns = new TestNamespace('session-outcomes');
  let app: NestExpressApplication;
  let url: string;
  let store: MongoEventStore;
  let producer: Producer;
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    ({ app, url } = await startSchedulingApp());
    store = app.get(MongoEventStore);
    producer = ns.kafka().producer();
    await producer.connect();
    coordinator = await bearer('coordinator', randomUUID());
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  });

  /** Publishes SessionEnded as the sessions service's relay would, keyed by the session. */
  async function publishEnded(data: SessionEndedV1, id: string = randomUUID()): Promise<string> {
    await producer.send({
      topic: ns.topic(TOPICS.sessions),
      messages: [
        {
          key: `session-${data.sessionId}`,
          value: JSON.stringify(data),
          headers: toKafkaHeaders({
            id,
            source: '/thc/sessions',
            type: SESSION_ENDED,
            subject: `session-${data.sessionId}`,
            time: new Date().toISOString(),
          }),
        },
      ],
    });
    return id;
  }

  async function book(start: string, end: string): Promise<string> {
    const providerId = randomUUID();
    await bookableProvider({ app, url }, coordinator, providerId);
    const response = await call(url, 'POST', '/api/v1/appointments', coordinator, {
      patientId: randomUUID(),
      providerId,
      clinicId: randomUUID(),
      visitType: 'video',
      start,
      end,
      timeZone: 'UTC',
      patientLocation: TEST_PATIENT_LOCATION,
    });
    expect(response.status).toBe(201);
    return (response.body as { appointmentId: string }).appointmentId;
  }

  const statusOf = async (id: string) =>
    (await call(url, 'GET', `/api/v1/appointments/${id}`, coordinator)).body as {
      status: string;
      sessionId?: string;
      noShow?: string;
    };
  const typesOf = async (id: string) =>
    (await store.load(`appointment-${id}`)).map((e) => e.type.split('.')[2]);

  it('a completed session completes its appointment once, even when redelivered', async () => {
    const appointmentId = await book('2031-04-01T09:00:00Z', '2031-04-01T09:30:00Z');
    const sessionId = randomUUID();
    const ended: SessionEndedV1 = {
      sessionId,
      appointmentId,
      outcome: 'completed',
      startedAt: '2031-04-01T09:01:00Z',
      endedAt: '2031-04-01T09:27:00Z',
      endedBy: { kind: 'system', service: 'sessions' },
    };
    const eventId = await publishEnded(ended);
    await eventually(async () => expect((await statusOf(appointmentId)).status).toBe('fulfilled'), {
      timeoutMs: 40_000,
      intervalMs: 300,
    });
    expect(await statusOf(appointmentId)).toMatchObject({ status: 'fulfilled', sessionId });

    // The same event again, and then a marker behind it on the same partition (same key).
    await publishEnded(ended, eventId);
    const marker = await book('2031-04-02T09:00:00Z', '2031-04-02T09:30:00Z');
    await publishEnded({
      ...ended,
      appointmentId: marker,
      outcome: 'patient-no-show',
      endedAt: '2031-04-02T09:20:00Z',
    });
    await eventually(async () => expect((await statusOf(marker)).status).toBe('noshow'), {
      timeoutMs: 40_000,
      intervalMs: 300,
    });
    expect(await typesOf(appointmentId)).toEqual([
      'AppointmentBooked',
      'AppointmentCheckedIn',
      'AppointmentCompleted',
    ]);
  });

  it('a patient no-show from sessions records the no-show', async () => {
    const appointmentId = await book('2031-04-03T09:00:00Z', '2031-04-03T09:30:00Z');
    await publishEnded({
      sessionId: randomUUID(),
      appointmentId,
      outcome: 'patient-no-show',
      endedAt: '2031-04-03T09:20:00Z',
      endedBy: { kind: 'system', service: 'sessions' },
    });
    await eventually(
      async () =>
        expect(await statusOf(appointmentId)).toMatchObject({
          status: 'noshow',
          noShow: 'patient',
        }),
      { timeoutMs: 40_000, intervalMs: 300 },
    );
    expect(await typesOf(appointmentId)).toEqual(['AppointmentBooked', 'AppointmentNoShow']);
  });
});
