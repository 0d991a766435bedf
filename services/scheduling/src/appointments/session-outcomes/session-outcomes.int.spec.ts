import { SessionEndedV1, toKafkaHeaders, TOPICS } from '@thc/contracts';
import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { useAppointmentsTest } from '../testing/appointments-test';

const SESSION_ENDED = 'thc.sessions.SessionEnded.v1';

describe('visit outcomes from sessions through Kafka', () => {
  const ns = new TestNamespace('session-outcomes');
  const t = useAppointmentsTest(ns, bearer);
  let producer: Producer;

  beforeAll(async () => {
    producer = ns.kafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
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
    const response = await t.book({ start, end, timeZone: 'UTC' });
    expect(response.status).toBe(201);
    return response.body.appointmentId;
  }

  const statusOf = async (id: string) =>
    (await callService(t.url, 'GET', `/api/v1/appointments/${id}`, t.coordinator)).body as {
      status: string;
      sessionId?: string;
      noShow?: string;
    };

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
    expect(await t.typesOf(appointmentId)).toEqual([
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
    expect(await t.typesOf(appointmentId)).toEqual(['AppointmentBooked', 'AppointmentNoShow']);
  });
});
