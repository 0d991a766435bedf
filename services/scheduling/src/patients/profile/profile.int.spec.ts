import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_TOPICS, fromKafkaHeaders, TOPICS, validateEvent } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { EnvMasterKeyring, PatientKeyStore } from '@thc/phi-protection';
import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { Consumer } from 'kafkajs';
import { Connection } from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  bookableProvider,
  TEST_PATIENT_LOCATION,
} from '../../appointments/testing/scheduling-test-app';
import { startPatientsApp } from '../testing/patients-test-app';

const RECORDED = 'thc.scheduling.PatientProfileRecorded.v1';

/**
 * A patient's profile is the minimum the platform keeps about them. The language is PHI: it
 * is sealed in the event and the view, opened only for those who reach the patient, and
 * unreadable once the patient is erased.
 */
describe("a patient's profile", () => {
  const ns = new TestNamespace('sched-patients');
  const masterKeys = `test:${randomBytes(32).toString('base64')}`;
  let app: NestExpressApplication;
  let url: string;
  let consumer: Consumer;
  const seen: { data: Record<string, unknown>; raw: string }[] = [];
  const clinicA = randomUUID();
  const clinicB = randomUUID();
  const patientId = randomUUID();
  const providerId = randomUUID();
  let coordinatorA: Record<string, string>;
  let coordinatorB: Record<string, string>;
  let patient: Record<string, string>;

  beforeAll(async () => {
    Object.assign(process.env, {
      MONGO_DB_PREFIX: ns.databasePrefix,
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      PHI_MASTER_KEYS: masterKeys,
      PHI_KEYS_DB: ns.database('phi_keys'),
      SCHEDULING_REMINDER_POLL_MS: '0',
    });
    // The relay publishes the profile, and the reads recorded as PhiAccessed.
    await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
    ({ app, url } = await startPatientsApp(true));
    coordinatorA = await bearer('coordinator', randomUUID(), { clinics: [clinicA] });
    coordinatorB = await bearer('coordinator', randomUUID(), { clinics: [clinicB] });
    patient = await bearer('patient', patientId);
    consumer = ns.kafka().consumer({ groupId: ns.group('profile-watch') });
    await consumer.connect();
    await consumer.subscribe({ topic: ns.topic(TOPICS.scheduling), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const decoded = fromKafkaHeaders(message.headers ?? {});
        if (!decoded.ok || decoded.attributes.type !== RECORDED) return;
        const raw = message.value?.toString() ?? '';
        seen.push({ data: JSON.parse(raw) as Record<string, unknown>, raw });
      },
    });
    // The patient's one visit is in clinic A, with this provider.
    const staff = await bearer('coordinator', randomUUID());
    await bookableProvider({ app, url }, staff, providerId);
    const booked = await callService(url, 'POST', '/api/v1/appointments', staff, {
      patientId,
      providerId,
      clinicId: clinicA,
      visitType: 'video',
      start: '2031-04-07T14:00:00Z',
      end: '2031-04-07T14:30:00Z',
      timeZone: 'America/New_York',
      patientLocation: TEST_PATIENT_LOCATION,
    });
    expect(booked.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    for (const name of ['PHI_MASTER_KEYS', 'PHI_KEYS_DB', 'SCHEDULING_REMINDER_POLL_MS'])
      delete process.env[name];
    await consumer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  const path = (id: string) => `/api/v1/patients/${id}/profile`;
  const put = (id: string, who: Record<string, string>, body: unknown) =>
    callService(url, 'PUT', path(id), who, body);
  const get = (id: string, who: Record<string, string>) => callService(url, 'GET', path(id), who);

  it('is recorded by the patient and read back, the language in canonical case', async () => {
    const recorded = await put(patientId, patient, {
      preferredLanguage: 'es-mx',
      stateOfResidence: 'NJ',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toEqual({ patientId, version: 1, changed: true });

    const read = await get(patientId, patient);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      patientId,
      preferredLanguage: 'es-MX',
      stateOfResidence: 'NJ',
      version: 1,
    });
  });

  it('appends nothing when the same profile is stated again', async () => {
    const again = await put(patientId, patient, {
      preferredLanguage: 'es-MX',
      stateOfResidence: 'NJ',
    });
    expect(again.body).toEqual({ patientId, version: 1, changed: false });
  });

  it("is recorded and read by a coordinator of the clinic of the patient's visit", async () => {
    const recorded = await put(patientId, coordinatorA, {
      preferredLanguage: 'es',
      stateOfResidence: 'NY',
    });
    expect(recorded.body).toEqual({ patientId, version: 2, changed: true });
    const read = await get(patientId, coordinatorA);
    expect(read.body).toMatchObject({ preferredLanguage: 'es', stateOfResidence: 'NY' });
    // Each read is a disclosure, recorded in the patient's PHI access stream.
    const accesses = await app.get(MongoEventStore).load(`phi-access-${patientId}`);
    expect(accesses.map((event) => event.data)).toContainEqual(
      expect.objectContaining({ resource: 'Patient', resourceId: patientId, action: 'read' }),
    );
  });

  it("is read by the provider of the patient's visit, and no other", async () => {
    const own = await get(patientId, await bearer('provider', providerId));
    expect(own.status).toBe(200);
    const other = await get(patientId, await bearer('provider', randomUUID()));
    expect(other.status).toBe(403);
  });

  it("refuses another clinic's coordinator, another patient and a provider's write", async () => {
    const body = { preferredLanguage: 'fr', stateOfResidence: 'PA' };
    const other = await bearer('patient', randomUUID());
    for (const who of [coordinatorB, other, await bearer('provider', providerId)])
      expect((await put(patientId, who, body)).status).toBe(403);
    for (const who of [coordinatorB, other]) expect((await get(patientId, who)).status).toBe(403);
    expect((await get(patientId, patient)).body).toMatchObject({ version: 2 });
  });

  it('refuses staff covering every clinic for a patient with no visit in any', async () => {
    const stranger = randomUUID();
    const everywhere = await bearer('admin', randomUUID());
    const refused = await put(stranger, everywhere, {
      preferredLanguage: 'fr',
      stateOfResidence: 'PA',
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('no visit in a clinic you cover');
    // The patient themself may: a first profile needs no visit.
    const own = await put(stranger, await bearer('patient', stranger), {
      preferredLanguage: 'fr',
      stateOfResidence: 'PA',
    });
    expect(own.status).toBe(200);
    expect((await get(stranger, everywhere)).status).toBe(403);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    for (const [body, field] of [
      [{ preferredLanguage: 'Spanish!', stateOfResidence: 'NJ' }, 'preferredLanguage'],
      [{ preferredLanguage: 'es', stateOfResidence: 'New Jersey' }, 'stateOfResidence'],
      [{ stateOfResidence: 'NJ' }, 'preferredLanguage'],
      [{ preferredLanguage: 'es', stateOfResidence: 'NJ', name: 'Ana' }, 'name'],
    ] as const) {
      const refused = await put(patientId, patient, body);
      expect(refused.status).toBe(400);
      expect(refused.text).toContain(field);
    }
    expect((await get(patientId, patient)).body).toMatchObject({ version: 2 });
    const nobody = randomUUID();
    expect((await get(nobody, await bearer('patient', nobody))).status).toBe(404);
  });

  it('publishes the profile with the language sealed and the state in clear', async () => {
    const mine = await eventually(async () => {
      const events = seen.filter((event) => event.data['patientId'] === patientId);
      expect(events).toHaveLength(2);
      return events;
    });
    for (const { data, raw } of mine) {
      expect(validateEvent(RECORDED, data)).toBeUndefined();
      expect(data['preferredLanguage']).toMatchObject({ alg: 'AES-256-GCM', v: 2 });
      expect(raw).not.toMatch(/"preferredLanguage":"/);
      expect(raw).not.toContain('es-MX');
    }
    expect(mine.map(({ data }) => data['stateOfResidence'])).toEqual(['NJ', 'NY']);
  });

  it('catches up a view left behind its stream, then records after the head', async () => {
    const behindId = randomUUID();
    const behind = await bearer('patient', behindId);
    const body = { preferredLanguage: 'pt-BR', stateOfResidence: 'MA' };
    expect((await put(behindId, behind, body)).status).toBe(200);
    // As if the process had died between the append and the view's save.
    const views = app.get<Connection>(getConnectionToken()).collection('patient_profiles');
    await views.deleteOne({ _id: behindId as never });

    expect((await put(behindId, behind, body)).body).toMatchObject({ version: 1, changed: false });
    await views.deleteOne({ _id: behindId as never });
    const moved = await put(behindId, behind, { ...body, stateOfResidence: 'RI' });
    expect(moved.body).toMatchObject({ version: 2, changed: true });
    expect((await get(behindId, behind)).body).toMatchObject({ stateOfResidence: 'RI' });
  });

  it("reads an erased patient's profile as gone, and keeps nothing new about them", async () => {
    const erasedId = randomUUID();
    const erased = await bearer('patient', erasedId);
    const body = { preferredLanguage: 'haw', stateOfResidence: 'HI' };
    expect((await put(erasedId, erased, body)).status).toBe(200);
    const db = app.get<Connection>(getConnectionToken());
    const keys = new PatientKeyStore(
      db.useDb(process.env['PHI_KEYS_DB'] ?? '', { useCache: true }),
      new EnvMasterKeyring(masterKeys),
    );
    await keys.erase(erasedId, 'test');

    const read = await get(erasedId, erased);
    expect(read.status).toBe(410);
    expect(read.text).not.toContain('haw');
    expect((await put(erasedId, erased, body)).status).toBe(410);
  });
});
