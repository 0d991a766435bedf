import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { call } from '../testing/http-client';
import { startSessionsApp } from '../testing/sessions-test-app';
import { SessionsKit } from '../testing/sessions-test-kit';
import { visitInProgress } from '../testing/visit-in-progress';

describe('a join link opened on a second device', () => {
  const ns = new TestNamespace('sessions-second-device');
  let app: NestExpressApplication;
  let url: string;
  let store: MongoEventStore;
  let producer: Producer;
  let kit: SessionsKit;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['PHI_MASTER_KEYS'] = `test:${randomBytes(32).toString('base64')}`;
    process.env['PHI_KEYS_DB'] = ns.database('phi_keys');
    await ns.createTopics([
      ns.topic(TOPICS.scheduling),
      ns.topic(TOPICS.compliance),
      ns.topic(TOPICS.training),
    ]);
    ({ app, url } = await startSessionsApp());
    store = app.get(MongoEventStore);
    producer = ns.kafka().producer();
    await producer.connect();
    kit = new SessionsKit(app, (t) => ns.topic(t), producer);
  });

  afterAll(async () => {
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  });

  it('is refused with 409 while the patient is in the visit, gets no room, and writes nothing', async () => {
    const visit = await visitInProgress(kit, url, bearer);
    const before = await store.model.countDocuments();

    // Someone who got hold of the patient's link (a forwarded message, a shared screen).
    const intruder = await visit.join(visit.patientLink);
    expect(intruder).toMatchObject({
      status: 409,
      type: expect.stringContaining('application/problem+json'),
      body: { detail: expect.stringContaining('already open on another device') },
    });
    expect(intruder.text).not.toContain('room');
    // A made-up device token is no better than none.
    const guessed = await visit.join(visit.patientLink, randomBytes(32).toString('base64url'));
    expect(guessed.status).toBe(409);
    expect(await store.model.countDocuments()).toBe(before);

    // The patient's own device (a reload) is still let in.
    const reload = await visit.join(visit.patientLink, visit.patientDevice);
    expect(reload).toMatchObject({ status: 200, body: { status: 'in-visit' } });
  });

  it('is refused while the patient waits to be admitted', async () => {
    const { booked, sessionId } = await kit.bookedSession(5);
    const link = await call(
      url,
      'POST',
      `/api/v1/sessions/${sessionId}/links`,
      await bearer('coordinator', randomUUID()),
      { participantId: booked.patientId },
    );
    const token = (link.body as { url: string }).url.split('#')[1] ?? '';
    const first = await call(url, 'POST', '/api/v1/join', {}, { token });
    expect(first).toMatchObject({ status: 200, body: { status: 'waiting' } });
    const second = await call(url, 'POST', '/api/v1/join', {}, { token });
    expect(second.status).toBe(409);
  });

  it('lets another device take the link over after the patient dropped', async () => {
    const visit = await visitInProgress(kit, url, bearer);
    const { patientId } = visit.booked;
    const left = await visit.post(
      `/api/v1/sessions/${visit.sessionId}/participants/${patientId}/leave`,
      visit.patient,
      { reason: 'disconnected' },
    );
    expect(left.status).toBe(204);
    const laptop = await visit.join(visit.patientLink);
    expect(laptop).toMatchObject({ status: 200, body: { status: 'in-visit' } });
    const newDevice = (laptop.body as { deviceToken: string }).deviceToken;
    expect(newDevice).not.toBe(visit.patientDevice);
    // The phone that dropped no longer holds the link while the laptop is in the visit.
    expect((await visit.join(visit.patientLink, visit.patientDevice)).status).toBe(409);
  });
});
