import 'reflect-metadata';
import { SHARED_TOPICS, TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { createServiceApp } from '@thc/service-runtime';
import {
  bearer,
  captureTelemetry,
  eventually,
  findLeaks,
  spanText,
  TelemetryCapture,
  TestNamespace,
} from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { AppModule as SchedulingModule } from '../../../services/scheduling/src/app.module';
import { serviceIdentity } from '../../../services/scheduling/src/service.identity';

// A synthetic patient: the values that must never appear outside their encrypted envelope.
const PATIENT = {
  name: 'Marisol Quintanilla-Okafor',
  phone: '+1 617 555 0142',
  email: 'marisol.q@example.org',
};

describe('PHI never leaks into logs, spans, stored events or Kafka messages', () => {
  const ns = new TestNamespace('phi-leak-scan');
  let telemetry: TelemetryCapture;

  beforeAll(async () => {
    Object.assign(process.env, {
      MONGO_DB_PREFIX: ns.databasePrefix,
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      PHI_MASTER_KEYS: `leak-scan:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
      SCHEDULING_REQUIRE_CREDENTIAL: 'false',
      SCHEDULING_REQUIRE_LICENCE: 'false',
    });
    await ns.createTopics(
      [
        TOPICS.scheduling,
        TOPICS.compliance,
        TOPICS.training,
        TOPICS.sessions,
        SHARED_TOPICS.phiAccess,
      ].map((t) => ns.topic(t)),
    );
    telemetry = captureTelemetry();
  });

  afterAll(async () => {
    telemetry.stop();
    for (const name of [
      'PHI_MASTER_KEYS',
      'PHI_KEYS_DB',
      'SCHEDULING_REQUIRE_CREDENTIAL',
      'SCHEDULING_REQUIRE_LICENCE',
    ])
      delete process.env[name];
    await ns.dispose();
  });

  it('a booking, a read and a cancellation with a free-text reason leave no PHI in clear anywhere', async () => {
    const app = await createServiceApp(SchedulingModule, serviceIdentity, {
      logger: ['log', 'warn', 'error'],
    });
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    const store = app.get(MongoEventStore);
    const patientId = randomUUID();
    const coordinator = {
      'content-type': 'application/json',
      ...(await bearer('coordinator', randomUUID())),
    };
    try {
      // Bookings must fit the provider's schedule: open every day, a visit two days ahead.
      const providerId = randomUUID();
      const defined = await fetch(`${base}/api/v1/providers/${providerId}/schedule`, {
        method: 'PUT',
        headers: coordinator,
        body: JSON.stringify({
          clinicId: randomUUID(),
          timeZone: 'UTC',
          slotMinutes: { video: 30, audio: 30 },
          bufferMinutes: { before: 0, after: 0 },
          minimumNoticeMinutes: 0,
          bookingHorizonDays: 30,
          weeklyRules: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].map((weekday) => ({
            weekday,
            start: '09:00',
            end: '17:00',
            visitTypes: ['video', 'audio'],
          })),
          exceptions: [],
        }),
      });
      expect(defined.status).toBe(200);
      const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const booked = await fetch(`${base}/api/v1/appointments`, {
        method: 'POST',
        headers: coordinator,
        body: JSON.stringify({
          patientId,
          providerId,
          clinicId: randomUUID(),
          visitType: 'video',
          start: `${day}T10:00:00Z`,
          end: `${day}T10:30:00Z`,
          timeZone: 'America/New_York',
          patientLocation: { state: 'NY' },
        }),
      });
      expect(booked.status).toBe(201);
      const { appointmentId } = (await booked.json()) as { appointmentId: string };

      const read = await fetch(`${base}/api/v1/appointments/${appointmentId}`, {
        headers: await bearer('patient', patientId),
      });
      expect(read.status).toBe(200);

      const reason = `${PATIENT.name} called from ${PATIENT.phone}; write to ${PATIENT.email}`;
      const cancelled = await fetch(`${base}/api/v1/appointments/${appointmentId}/cancel`, {
        method: 'POST',
        headers: coordinator,
        body: JSON.stringify({ reasonCode: 'patient-request', reason }),
      });
      expect(cancelled.status).toBeLessThan(300);

      // Everything the flow produced reaches Kafka before the scan.
      await eventually(async () =>
        expect(await store.model.countDocuments({ pending: true })).toBe(0),
      );
      const messages = await readTopics(ns, [
        TOPICS.scheduling,
        TOPICS.compliance,
        SHARED_TOPICS.phiAccess,
      ]);
      expect(messages).toContain('AppointmentCancelled');
      expect(messages).toContain('PhiAccessed');

      const storedEvents = JSON.stringify(await store.model.find({}).lean());
      expect(storedEvents).toContain('AES-256-GCM');
      const leaks = findLeaks(
        {
          logs: telemetry.logs(),
          spans: spanText(telemetry.spans),
          'stored events': storedEvents,
          'kafka messages': messages,
        },
        [PATIENT.name, PATIENT.phone, PATIENT.email, 'Quintanilla'],
      );
      expect(leaks).toEqual([]);
      expect(telemetry.logs().length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});

/** Every message (headers and value) on the namespace's copies of the given topics, as text. */
async function readTopics(ns: TestNamespace, topics: readonly string[]): Promise<string> {
  const consumer = ns.kafka().consumer({ groupId: ns.group(`scan-${randomUUID()}`) });
  const seen: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: topics.map((t) => ns.topic(t)), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers = Object.entries(message.headers ?? {}).map(([k, v]) => `${k}=${String(v)}`);
      seen.push(`${headers.join(' ')} ${message.value?.toString() ?? ''}`);
    },
  });
  try {
    await eventually(async () => {
      expect(seen.join('\n')).toContain('AppointmentCancelled');
      expect(seen.join('\n')).toContain('PhiAccessed');
    });
  } finally {
    await consumer.disconnect();
  }
  return seen.join('\n');
}
