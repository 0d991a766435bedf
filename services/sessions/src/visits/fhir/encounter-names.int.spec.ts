import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { bearer, eventually, expectValidFhir, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { ClinicNames } from '../provider-qualifications/clinic-names.read-model';
import { call } from '../testing/http-client';
import {
  CLINIC_RECORDED,
  clinicRecorded,
  STAFF_MEMBER_RECORDED,
  staffMemberRecorded,
} from '../testing/qualification-events';
import { startSessionsApp } from '../testing/sessions-test-app';
import { SessionsKit, within } from '../testing/sessions-test-kit';

interface Encounter {
  participant: { individual: { reference: string; display?: string } }[];
  subject: { reference: string; display?: string };
  location: { location: { reference: string; display?: string } }[];
}

describe('the Encounter names the staff and the clinic the directory lists', () => {
  const ns = new TestNamespace('sessions-encounter-names');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let kit: SessionsKit;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    await ns.createTopics([
      ns.topic(TOPICS.scheduling),
      ns.topic(TOPICS.compliance),
      ns.topic(TOPICS.training),
    ]);
    ({ app, url } = await startSessionsApp());
    producer = ns.kafka().producer();
    await producer.connect();
    kit = new SessionsKit(app, (t) => ns.topic(t), producer);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  });

  const encounter = async (sessionId: string) => {
    const read = await call(
      url,
      'GET',
      `/fhir/Encounter/${sessionId}`,
      await bearer('admin', randomUUID()),
    );
    expect(read.status).toBe(200);
    expectValidFhir(read.body);
    return read.body as Encounter;
  };

  it('learns names from the directory records, the latest record winning, and shows none it was not given', async () => {
    const { booked, sessionId } = await kit.bookedSession(60);
    const before = await encounter(sessionId);
    expect(before.participant.map((p) => p.individual)).toEqual([
      { reference: `Practitioner/${booked.providerId}` },
    ]);
    expect(before.location).toEqual([{ location: { reference: `Location/${booked.clinicId}` } }]);

    await kit.scheduling(STAFF_MEMBER_RECORDED, staffMemberRecorded(booked.providerId, 'NY'));
    await kit.scheduling(CLINIC_RECORDED, clinicRecorded(booked.clinicId, 'Riverside'));
    await kit.scheduling(CLINIC_RECORDED, clinicRecorded(booked.clinicId, 'Riverside Telehealth'));
    await eventually(async () => {
      const after = await encounter(sessionId);
      expect(after.participant.map((p) => p.individual)).toEqual([
        { reference: `Practitioner/${booked.providerId}`, display: 'Dr. Adaeze Okafor' },
      ]);
      expect(after.location).toEqual([
        { location: { reference: `Location/${booked.clinicId}`, display: 'Riverside Telehealth' } },
      ]);
      // The platform keeps no patient name: the subject is a reference only.
      expect(after.subject).toEqual({ reference: `Patient/${booked.patientId}` });
    }, within);
  });

  it('applies a redelivered clinic record once', async () => {
    const clinicId = randomUUID();
    const names = app.get(ClinicNames);
    const eventId = randomUUID();
    expect(await names.recorded(eventId, clinicRecorded(clinicId, 'North'))).toBe(true);
    expect(await names.recorded(eventId, clinicRecorded(clinicId, 'North'))).toBe(false);
    expect(await names.nameOf(clinicId)).toBe('North');
    expect(await names.nameOf(randomUUID())).toBeUndefined();
  });
});
