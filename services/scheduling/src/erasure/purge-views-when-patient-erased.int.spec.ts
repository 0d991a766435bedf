import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS, toKafkaHeaders } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule } from '@thc/messaging';
import { ClockModule, IdsModule, createServiceApp, PlatformModule } from '@thc/service-runtime';
import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { Connection } from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import { AppointmentsModule } from '../appointments/appointments.module';
import {
  bookableInterpreter,
  bookableProvider,
  TEST_PATIENT_LOCATION,
  testClock,
} from '../appointments/testing/scheduling-test-app';
import { PatientsModule } from '../patients/patients.module';
import { serviceIdentity } from '../service.identity';
import { SchedulingErasureModule } from './erasure.module';

@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    ClockModule.use(testClock),
    IdsModule.use(),
    AppointmentsModule,
    PatientsModule,
    SchedulingErasureModule,
  ],
})
class SchedulingWithErasure {}

/**
 * After a patient's erasure, anyone who may still read their appointments (a coordinator, a
 * compromised account, a database dump) must not learn the plaintext scheduling kept beside the
 * events: the interpreter's language, which tells the patient's language and often origin.
 */
describe('scheduling purges its views when a patient is erased', () => {
  const ns = new TestNamespace('sched-erasure');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let db: Connection;
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    Object.assign(process.env, {
      MONGO_DB_PREFIX: ns.databasePrefix,
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      PHI_MASTER_KEYS: `test:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
    });
    await ns.createTopics(
      [TOPICS.training, TOPICS.sessions, TOPICS.compliance].map((t) => ns.topic(t)),
    );
    app = await createServiceApp(SchedulingWithErasure, serviceIdentity, { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    db = app.get<Connection>(getConnectionToken());
    producer = ns.kafka().producer();
    await producer.connect();
    coordinator = await bearer('coordinator', randomUUID());
  }, 180_000);

  afterAll(async () => {
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  async function bookWithInterpreter(patientId: string, start: string, end: string) {
    const providerId = randomUUID();
    await bookableProvider({ app, url }, coordinator, providerId);
    await bookableInterpreter({ app, url }, coordinator, randomUUID(), ['haw-Latn']);
    const booked = await callService(url, 'POST', '/api/v1/appointments', coordinator, {
      patientId,
      providerId,
      clinicId: randomUUID(),
      visitType: 'video',
      start,
      end,
      timeZone: 'America/New_York',
      patientLocation: TEST_PATIENT_LOCATION,
      interpreter: { language: 'haw-Latn' },
      reminderContact: { channel: 'email', address: 'leilani.k@example.org' },
    });
    expect(booked.status).toBe(201);
    return (booked.body as { appointmentId: string }).appointmentId;
  }

  const languagesIn = async (appointmentId: string) => {
    const read = await callService(
      url,
      'GET',
      `/api/v1/appointments/${appointmentId}`,
      coordinator,
    );
    expect(read.status).toBe(200);
    return (read.body as { participants: { language?: string }[] }).participants.flatMap((p) =>
      p.language ? [p.language] : [],
    );
  };

  const erased = (patientId: string) =>
    producer.send({
      topic: ns.topic(TOPICS.compliance),
      messages: [
        {
          key: `erasure-${patientId}`,
          value: JSON.stringify({
            erasureId: randomUUID(),
            patientId,
            requestRef: 'REQ-1',
            keyDestroyed: true,
            erasedAt: new Date().toISOString(),
            erasedBy: { kind: 'user', userId: randomUUID(), role: 'admin' },
          }),
          headers: toKafkaHeaders({
            id: randomUUID(),
            source: '/thc/compliance-audit',
            type: 'thc.compliance.PatientErased.v1',
            subject: `erasure-${patientId}`,
            time: new Date().toISOString(),
          }),
        },
      ],
    });

  it("drops the interpreter's language and the reminder contacts of the erased patient only", async () => {
    const patientId = randomUUID();
    const other = randomUUID();
    const first = await bookWithInterpreter(
      patientId,
      '2031-03-10T09:00:00-04:00',
      '2031-03-10T09:30:00-04:00',
    );
    const second = await bookWithInterpreter(
      patientId,
      '2031-03-12T09:00:00-04:00',
      '2031-03-12T09:30:00-04:00',
    );
    const others = await bookWithInterpreter(
      other,
      '2031-03-10T09:00:00-04:00',
      '2031-03-10T09:30:00-04:00',
    );
    expect(await languagesIn(first)).toEqual(['haw-Latn']);
    const contacts = db.collection('reminder_contacts');
    expect(await contacts.countDocuments({ _id: { $in: [first, second] } as never })).toBe(2);

    await erased(patientId);
    await eventually(async () => {
      expect(await languagesIn(first)).toEqual([]);
      expect(await languagesIn(second)).toEqual([]);
    });
    expect(await contacts.countDocuments({ _id: { $in: [first, second] } as never })).toBe(0);
    const views = await db
      .collection('appointment_views')
      .find({ _id: { $in: [first, second] } as never })
      .toArray();
    expect(JSON.stringify(views)).not.toContain('haw-Latn');
    // The appointments themselves stay: same status, still listed for the patient.
    expect(views.map((v) => v['status'])).toEqual(['booked', 'booked']);

    // Another patient's appointments keep theirs.
    expect(await languagesIn(others)).toEqual(['haw-Latn']);
    expect(await contacts.countDocuments({ _id: others as never })).toBe(1);

    // A redelivery changes nothing.
    await erased(patientId);
    expect(await languagesIn(first)).toEqual([]);
  });

  it('keeps no language for a booking made after the erasure', async () => {
    const patientId = randomUUID();
    // Erased as compliance-audit erases: the key store's tombstone, then the event.
    const keys = db.useDb(ns.database('phi_keys')).collection('patient_keys');
    await keys.insertOne({
      _id: patientId as never,
      keyId: randomUUID(),
      createdAt: new Date(),
      erasedAt: new Date(),
      erasedBy: randomUUID(),
    });
    const providerId = randomUUID();
    await bookableProvider({ app, url }, coordinator, providerId);
    await bookableInterpreter({ app, url }, coordinator, randomUUID(), ['haw-Latn']);
    const booked = await callService(url, 'POST', '/api/v1/appointments', coordinator, {
      patientId,
      providerId,
      clinicId: randomUUID(),
      visitType: 'video',
      start: '2031-04-10T09:00:00-04:00',
      end: '2031-04-10T09:30:00-04:00',
      timeZone: 'America/New_York',
      patientLocation: TEST_PATIENT_LOCATION,
      interpreter: { language: 'haw-Latn' },
    });
    expect(booked.status).toBe(201);
    const { appointmentId } = booked.body as { appointmentId: string };
    expect(await languagesIn(appointmentId)).toEqual([]);
    const view = await db.collection('appointment_views').findOne({ _id: appointmentId as never });
    expect(view).toMatchObject({ status: 'booked', patientId });
    expect(JSON.stringify(view)).not.toContain('haw-Latn');
  });

  it("drops the state of residence from the erased patient's profile, which reads as gone", async () => {
    const patientId = randomUUID();
    const patient = await bearer('patient', patientId);
    const profile = `/api/v1/patients/${patientId}/profile`;
    const body = { preferredLanguage: 'haw', stateOfResidence: 'HI' };
    expect((await callService(url, 'PUT', profile, patient, body)).status).toBe(200);
    const views = db.collection('patient_profiles');

    await erased(patientId);
    await eventually(async () => {
      const view = await views.findOne({ _id: patientId as never });
      expect(view).not.toHaveProperty('stateOfResidence');
    });
    expect((await callService(url, 'GET', profile, patient)).status).toBe(410);
    // A redelivery changes nothing.
    await erased(patientId);
    expect((await callService(url, 'GET', profile, patient)).status).toBe(410);
  });
});
