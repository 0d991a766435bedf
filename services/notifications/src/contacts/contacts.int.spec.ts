import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import {
  appointmentBookedV1,
  eventDefinition,
  EVENT_TOPICS,
  fromKafkaHeaders,
  TOPICS,
  validateEvent,
} from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { PatientKeyStore, PhiCipher } from '@thc/phi-protection';
import { bearer, callService, eventually, postServiceForm, TestNamespace } from '@thc/testing';
import { Consumer, Producer } from 'kafkajs';
import { Connection } from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { startNotificationsApp } from '../testing/notifications-test-app';
import { CONTACT_DIRECTORY, ContactDirectory } from './contact-points';
import { ContactsModule } from './contacts.module';
import { publish } from './testing/contacts-test-kit';

const PUBLIC_URL = 'https://notify.thc.example.org';
const AUTH_TOKEN = 'twilio-test-auth-token';
const INBOUND = '/api/v1/sms/inbound';

/**
 * People's contact points are PHI: sealed in the events and the views, opened only for those
 * who reach the patient, looked up by number without the number, and forgotten with the patient.
 */
const STAFF_RECORDED = eventDefinition('thc.scheduling.StaffMemberRecorded.v1')!;

describe("a person's contact preferences", () => {
  const ns = new TestNamespace('notif-contacts');
  let app: NestExpressApplication;
  let url: string;
  let db: Connection;
  let directory: ContactDirectory;
  let producer: Producer;
  let consumer: Consumer;
  const published: { type: string; data: Record<string, unknown>; raw: string }[] = [];
  const clinicA = randomUUID();
  const patientId = randomUUID();
  const caregiverId = randomUUID();
  let patient: Record<string, string>;
  let coordinatorA: Record<string, string>;
  let coordinatorB: Record<string, string>;

  const record = {
    email: 'ana.lopez@example.org',
    mobile: '+1 (201) 555-0123',
    preferredLanguage: 'ES-mx',
    timeZone: 'america/new_york',
    quietHours: { start: '21:00', end: '08:00' },
    consent: { byEmail: true, bySms: true },
  };
  const path = (personId: string) => `/api/v1/people/${personId}/contact-preferences`;
  const put = (personId: string, who: Record<string, string>, body: unknown) =>
    callService(url, 'PUT', path(personId), who, body);
  const get = (personId: string, who: Record<string, string>) =>
    callService(url, 'GET', path(personId), who);
  const text = (form: Record<string, string>, signature?: string) =>
    postServiceForm(url, INBOUND, form, {
      'x-twilio-signature':
        signature ?? getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}${INBOUND}`, form),
    });
  const booked = (patient: string, clinicId: string) =>
    publish(producer, ns.topic(TOPICS.scheduling), {
      type: appointmentBookedV1.type,
      source: '/thc/scheduling',
      subject: `appointment-${randomUUID()}`,
      data: {
        ...appointmentBookedV1.example,
        appointmentId: randomUUID(),
        patientId: patient,
        clinicId,
      },
    });

  beforeAll(async () => {
    Object.assign(process.env, {
      MONGO_DB_PREFIX: ns.databasePrefix,
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      PHI_MASTER_KEYS: `test:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
      NOTIFICATIONS_SMS_PROVIDER: 'twilio',
      NOTIFICATIONS_PUBLIC_URL: PUBLIC_URL,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    });
    await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
    ({ app, url } = await startNotificationsApp([ContactsModule]));
    db = app.get<Connection>(getConnectionToken());
    directory = app.get<ContactDirectory>(CONTACT_DIRECTORY);
    patient = await bearer('patient', patientId);
    coordinatorA = await bearer('coordinator', randomUUID(), { clinics: [clinicA] });
    coordinatorB = await bearer('coordinator', randomUUID(), { clinics: [randomUUID()] });
    producer = ns.kafka().producer();
    await producer.connect();
    consumer = ns.kafka().consumer({ groupId: ns.group('contacts-watch') });
    await consumer.connect();
    await consumer.subscribe({ topic: ns.topic(TOPICS.notifications), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const decoded = fromKafkaHeaders(message.headers ?? {});
        if (!decoded.ok) return;
        const raw = message.value?.toString() ?? '';
        published.push({ type: decoded.attributes.type, data: JSON.parse(raw), raw });
      },
    });
    // The patient's visit is in clinic A: its coordinators reach the patient's contacts.
    await booked(patientId, clinicA);
    await eventually(async () =>
      expect(
        await db.collection('patient_clinics').findOne({ _id: patientId as never }),
      ).toMatchObject({ clinicIds: [clinicA] }),
    );
  }, 180_000);

  afterAll(async () => {
    for (const name of [
      'PHI_MASTER_KEYS',
      'PHI_KEYS_DB',
      'NOTIFICATIONS_SMS_PROVIDER',
      'NOTIFICATIONS_PUBLIC_URL',
      'TWILIO_AUTH_TOKEN',
    ])
      delete process.env[name];
    await consumer?.disconnect();
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  it('is recorded by the patient and read back opened, in canonical form', async () => {
    const recorded = await put(patientId, patient, record);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toEqual({ personId: patientId, version: 1, changed: true });

    const read = await get(patientId, patient);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      personId: patientId,
      patientId,
      email: 'ana.lopez@example.org',
      mobile: '+12015550123',
      preferredLanguage: 'es-MX',
      timeZone: 'America/New_York',
      quietHours: { start: '21:00', end: '08:00' },
      consent: { byEmail: true, bySms: true },
      optedOut: { email: false, sms: false },
      recordedAt: expect.any(String),
      version: 1,
    });
    // The read is a disclosure, recorded in the patient's PHI access stream.
    const accesses = await app.get(MongoEventStore).load(`phi-access-${patientId}`);
    expect(accesses.map((event) => event.data)).toContainEqual(
      expect.objectContaining({ resource: 'Person', resourceId: patientId, action: 'read' }),
    );
    // At rest the view holds seals only.
    const view = JSON.stringify(
      await db.collection('contact_points').findOne({ _id: patientId as never }),
    );
    expect(view).not.toContain('ana.lopez');
    expect(view).not.toContain('5550123');
    expect(view).not.toContain('es-MX');
  });

  it('appends nothing when the same record is stated again', async () => {
    const again = await put(patientId, patient, { ...record, mobile: '+12015550123' });
    expect(again.body).toEqual({ personId: patientId, version: 1, changed: false });
  });

  it('gives the dispatcher the contact points opened', async () => {
    expect(await directory.contactFor(patientId)).toEqual({
      found: true,
      contact: {
        personId: patientId,
        patientId,
        email: 'ana.lopez@example.org',
        mobile: '+12015550123',
        language: 'es-MX',
        timeZone: 'America/New_York',
        quietHours: { start: '21:00', end: '08:00' },
        consent: { byEmail: true, bySms: true },
        optedOut: { email: false, sms: false },
      },
    });
    expect(await directory.contactFor(randomUUID())).toEqual({ found: false, reason: 'none' });
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    for (const [body, field] of [
      [{ ...record, mobile: '201-555-0123' }, 'mobile'],
      [{ ...record, timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ ...record, quietHours: { start: '21:00', end: '25:00' } }, 'quietHours.end'],
      [{ ...record, preferredLanguage: 'Spanish!' }, 'preferredLanguage'],
      [{ ...record, email: 'ana at example' }, 'email'],
      [{ ...record, consent: undefined }, 'consent'],
      [{ ...record, ssn: '123-45-6789' }, 'ssn'],
    ] as const) {
      const refused = await put(patientId, patient, body);
      expect(refused.status).toBe(400);
      expect(refused.type).toContain('application/problem+json');
      expect(refused.text).toContain(field);
    }
    expect((await get(patientId, patient)).body).toMatchObject({ version: 1 });
  });

  it("is refused to another patient, another clinic's coordinator, and staff of no visit", async () => {
    const other = await bearer('patient', randomUUID());
    expect((await put(patientId, other, record)).status).toBe(403);
    expect((await get(patientId, other)).status).toBe(403);
    expect((await put(patientId, coordinatorB, record)).status).toBe(403);
    expect((await get(patientId, coordinatorB)).status).toBe(403);
    // A patient records their own only: not as a caregiver of someone else.
    const refused = await put(patientId, patient, { ...record, patientId: randomUUID() });
    expect(refused.status).toBe(403);
    // Covering every clinic is not enough for a patient with no visit.
    const stranger = randomUUID();
    expect((await put(stranger, await bearer('admin', randomUUID()), record)).status).toBe(403);
    expect((await get(patientId, patient)).body).toMatchObject({ version: 1 });
  });

  it("is recorded by the clinic's coordinator for the patient's caregiver, sealed under the patient", async () => {
    const recorded = await put(caregiverId, coordinatorA, {
      patientId,
      mobile: '+12015550123',
      timeZone: 'America/Chicago',
      consent: { byEmail: false, bySms: true },
    });
    expect(recorded.status).toBe(200);
    expect(await get(caregiverId, coordinatorA)).toMatchObject({
      status: 200,
      body: { personId: caregiverId, patientId, mobile: '+12015550123' },
    });
    // The caregiver states no language and is no patient: none is made up for them.
    expect(await directory.contactFor(caregiverId)).toMatchObject({
      found: true,
      contact: { patientId, mobile: '+12015550123' },
    });
    expect(await directory.contactFor(caregiverId)).not.toHaveProperty('contact.language');
  });

  it('is recorded for an interpreter, under their own key, by the coordinators of the clinics they work in', async () => {
    const interpreterId = randomUUID();
    await publish(producer, ns.topic(TOPICS.scheduling), {
      type: STAFF_RECORDED.type,
      source: '/thc/scheduling',
      subject: `staff-member-${interpreterId}`,
      data: { ...STAFF_RECORDED.example, staffId: interpreterId, clinicIds: [clinicA] },
    });
    await eventually(async () =>
      expect(
        await db.collection('patient_clinics').findOne({ _id: interpreterId as never }),
      ).toMatchObject({ clinicIds: [clinicA] }),
    );
    const interpreter = {
      email: 'interpreter@example.org',
      timeZone: 'America/New_York',
      consent: { byEmail: true, bySms: false },
    };
    expect((await put(interpreterId, coordinatorB, interpreter)).status).toBe(403);
    expect((await put(interpreterId, coordinatorA, interpreter)).status).toBe(200);
    expect(await directory.contactFor(interpreterId)).toMatchObject({
      found: true,
      contact: { patientId: interpreterId, email: 'interpreter@example.org' },
    });
  });

  it('publishes the records and opt-outs valid, with no contact point in clear', async () => {
    await callService(url, 'POST', `${path(patientId)}/opt-out`, patient, { channel: 'email' });
    const mine = await eventually(async () => {
      const events = published.filter((event) =>
        ([patientId, caregiverId] as string[]).includes(event.data['personId'] as string),
      );
      expect(events.map((event) => event.type).sort()).toEqual([
        'thc.notifications.ChannelOptedOut.v1',
        'thc.notifications.ContactPreferencesRecorded.v1',
        'thc.notifications.ContactPreferencesRecorded.v1',
      ]);
      return events;
    });
    for (const { type, data, raw } of mine) {
      expect(validateEvent(type, data)).toBeUndefined();
      for (const clear of ['ana.lopez', '5550123', 'es-MX', 'ES-mx'])
        expect(raw).not.toContain(clear);
    }
    const recordedEvent = mine.find(
      (event) => event.data['personId'] === patientId && event.type.includes('Recorded'),
    );
    expect(recordedEvent?.data).toMatchObject({
      email: { alg: 'AES-256-GCM', v: 2 },
      mobile: { alg: 'AES-256-GCM', v: 2 },
      preferredLanguage: { alg: 'AES-256-GCM', v: 2 },
      timeZone: 'America/New_York',
    });
    expect(mine.find((event) => event.type.includes('OptedOut'))?.data).toMatchObject({
      personId: patientId,
      channel: 'email',
      source: 'patient',
    });
  });

  it('takes an opt-out once, and refuses an unknown channel or person', async () => {
    const again = await callService(url, 'POST', `${path(patientId)}/opt-out`, patient, {
      channel: 'email',
    });
    expect(again.body).toMatchObject({ channel: 'email', changed: false });
    const bad = await callService(url, 'POST', `${path(patientId)}/opt-out`, patient, {
      channel: 'fax',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('channel');
    const nobody = randomUUID();
    const none = await callService(
      url,
      'POST',
      `${path(nobody)}/opt-out`,
      await bearer('patient', nobody),
      {
        channel: 'sms',
      },
    );
    expect(none.status).toBe(404);
  });

  it('opts everyone with the number out of SMS on a signed STOP reply, and nothing on a forged one', async () => {
    const forged = await text({ From: '+12015550123', Body: 'STOP' }, 'bm90LWEtc2lnbmF0dXJl');
    expect(forged.status).toBe(403);
    const unsigned = await postServiceForm(url, INBOUND, { From: '+12015550123', Body: 'STOP' });
    expect(unsigned.status).toBe(403);
    const start = await text({ From: '+12015550123', Body: 'START', MessageSid: 'SM1' });
    expect(start.status).toBe(200);
    expect((await get(patientId, patient)).body).toMatchObject({ optedOut: { sms: false } });

    const stop = await text({
      From: '+12015550123',
      Body: '  stop ',
      MessageSid: 'SM2',
      To: '+12015550199',
    });
    expect(stop.status).toBe(200);
    expect(stop.type).toContain('text/xml');
    expect(stop.text).toContain('<Response/>');
    expect((await get(patientId, patient)).body).toMatchObject({
      optedOut: { email: true, sms: true },
      consent: { bySms: true },
    });
    expect((await get(caregiverId, coordinatorA)).body).toMatchObject({ optedOut: { sms: true } });
    expect(await directory.contactFor(patientId)).toMatchObject({
      contact: { optedOut: { email: true, sms: true } },
    });
    const stops = await app.get(MongoEventStore).load(`contact-preferences-${patientId}`);
    expect(stops.at(-1)?.data).toMatchObject({ channel: 'sms', source: 'stop-reply' });
  });

  it('opts in again when consent to SMS is stated again', async () => {
    const again = await put(patientId, patient, record);
    expect(again.body).toMatchObject({ changed: true });
    expect((await get(patientId, patient)).body).toMatchObject({
      optedOut: { email: false, sms: false },
    });
  });

  it('forgets the old number when the mobile changes: a STOP from it reaches no one', async () => {
    expect((await put(patientId, patient, { ...record, mobile: '+12015550177' })).status).toBe(200);
    await text({ From: '+12015550123', Body: 'STOP' });
    expect((await get(patientId, patient)).body).toMatchObject({ optedOut: { sms: false } });
    await text({ From: '+12015550177', Body: 'QUIT' });
    expect((await get(patientId, patient)).body).toMatchObject({ optedOut: { sms: true } });
  });

  it("writes to a patient without a language of their own in their scheduling profile's", async () => {
    const other = randomUUID();
    const sealed = await app
      .get(PhiCipher)
      .seal({ patientId: other, record: 'Patient', field: 'preferred-language' }, 'vi');
    await publish(producer, ns.topic(TOPICS.scheduling), {
      type: 'thc.scheduling.PatientProfileRecorded.v1',
      source: '/thc/scheduling',
      subject: `patient-profile-${other}`,
      data: {
        patientId: other,
        preferredLanguage: sealed,
        stateOfResidence: 'CA',
        recordedAt: new Date().toISOString(),
        recordedBy: { kind: 'user', userId: other, role: 'patient' },
      },
    });
    await eventually(async () =>
      expect(await directory.contactFor(other)).toEqual({
        found: false,
        reason: 'none',
        language: 'vi',
      }),
    );
    const own = await bearer('patient', other);
    const { preferredLanguage: _, ...noLanguage } = record;
    expect((await put(other, own, { ...noLanguage, mobile: '+12015550188' })).status).toBe(200);
    expect(await directory.contactFor(other)).toMatchObject({
      found: true,
      contact: { language: 'vi', mobile: '+12015550188' },
    });
  });

  it("forgets the patient's and their caregiver's contact points when the patient is erased", async () => {
    const erasedId = randomUUID();
    const helperId = randomUUID();
    const own = await bearer('patient', erasedId);
    await booked(erasedId, clinicA);
    expect((await put(erasedId, own, { ...record, mobile: '+12015550166' })).status).toBe(200);
    await eventually(async () =>
      expect((await put(helperId, coordinatorA, { ...record, patientId: erasedId })).status).toBe(
        200,
      ),
    );
    const lookup = db.collection('contact_mobile_lookup');
    const keys = app.get(PatientKeyStore);

    // Compliance erases the key first: every seal is unreadable at once.
    await keys.erase(erasedId, 'test');
    expect(await directory.contactFor(erasedId)).toEqual({ found: false, reason: 'erased' });
    expect((await get(erasedId, own)).status).toBe(410);
    expect((await put(erasedId, own, record)).status).toBe(410);

    await publish(producer, ns.topic(TOPICS.compliance), {
      type: 'thc.compliance.PatientErased.v1',
      source: '/thc/compliance-audit',
      subject: `erasure-${erasedId}`,
      data: {
        erasureId: randomUUID(),
        patientId: erasedId,
        requestRef: 'ERASURE-1',
        keyDestroyed: true,
        erasedAt: new Date().toISOString(),
        erasedBy: { kind: 'user', userId: randomUUID(), role: 'admin' },
      },
    });
    const views = db.collection('contact_points');
    await eventually(async () =>
      expect(await views.countDocuments({ _id: { $in: [erasedId, helperId] } as never })).toBe(0),
    );
    expect(
      await db.collection('contact_people_of_patient').findOne({ _id: erasedId as never }),
    ).toBeNull();
    // No lookup names them any more: a STOP from the number reaches no one.
    const entries = await lookup.find({}).toArray();
    expect(entries.flatMap((entry) => entry['personIds'] as string[])).not.toEqual(
      expect.arrayContaining([erasedId]),
    );
    expect(entries.flatMap((entry) => entry['personIds'] as string[])).not.toContain(helperId);
    expect(await directory.contactFor(erasedId)).toEqual({ found: false, reason: 'none' });
    expect(await directory.contactFor(helperId)).toEqual({ found: false, reason: 'none' });
    expect((await get(erasedId, own)).status).toBe(410);
    // Another patient's contact points stay.
    expect(await directory.contactFor(patientId)).toMatchObject({ found: true });
  });
});
