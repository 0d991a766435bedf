import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { TelehealthConsents } from '../../consent-gate/telehealth-consents.read-model';
import { call } from '../../testing/http-client';
import { consentGranted } from '../../testing/scheduling-events';
import { startSessionsApp } from '../../testing/sessions-test-app';
import { SessionsKit } from '../../testing/sessions-test-kit';
import { CONSENT_TEXT_VERSION, TELEHEALTH_CONSENT_TEXT } from './telehealth-consent-text.data';

const GIVEN = 'thc.sessions.ConsentGivenAtJoin.v1';

describe('telehealth consent on the visit page', () => {
  const ns = new TestNamespace('sessions-visit-consent');
  let app: NestExpressApplication;
  let url: string;
  let store: MongoEventStore;
  let producer: Producer;
  let kit: SessionsKit;
  let coordinator: Record<string, string>;

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
    coordinator = await bearer('coordinator', randomUUID());
  });

  afterAll(async () => {
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  });

  /** A booked visit and the join link of one of its participants. */
  async function linkOf(role: 'patient' | 'provider') {
    const { booked, sessionId } = await kit.bookedSession(10);
    const participantId = role === 'patient' ? booked.patientId : booked.providerId;
    const link = await call(url, 'POST', `/api/v1/sessions/${sessionId}/links`, coordinator, {
      participantId,
    });
    expect(link.status).toBe(201);
    const token = (link.body as { url: string }).url.split('#')[1] ?? '';
    return { booked, sessionId, token };
  }

  const accept = { accept: true, textVersion: CONSENT_TEXT_VERSION, language: 'es' };
  const consent = (token: string | undefined, body: unknown = accept) =>
    call(url, 'POST', '/api/v1/visit/consent', token ? { 'x-join-token': token } : {}, body);
  const given = async (sessionId: string) =>
    (await store.load(`session-${sessionId}`)).filter((e) => e.type === GIVEN);

  it('serves the consent text in English and Spanish, paragraph for paragraph, to anyone', async () => {
    const [en, es] = await Promise.all(
      ['en', 'es'].map((language) =>
        call(url, 'GET', `/api/v1/visit/consent-text?language=${language}`, {}),
      ),
    );
    expect(en).toMatchObject({
      status: 200,
      body: {
        textVersion: CONSENT_TEXT_VERSION,
        language: 'en',
        title: TELEHEALTH_CONSENT_TEXT.en.title,
        paragraphs: [...TELEHEALTH_CONSENT_TEXT.en.paragraphs],
      },
    });
    expect(es).toMatchObject({
      status: 200,
      body: { language: 'es', textVersion: CONSENT_TEXT_VERSION },
    });
    expect((es.body as { paragraphs: string[] }).paragraphs).toHaveLength(
      TELEHEALTH_CONSENT_TEXT.en.paragraphs.length,
    );
    for (const query of ['?language=fr', '']) {
      const refused = await call(url, 'GET', `/api/v1/visit/consent-text${query}`, {});
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('language');
    }
  });

  it("records the patient's consent once, with what they read and the patient as giver, the language sealed", async () => {
    const { booked, sessionId, token } = await linkOf('patient');
    expect(await consent(token)).toMatchObject({ status: 202, body: { recorded: true } });
    // A second tap, before compliance-audit has recorded the first: nothing more.
    expect(await consent(token)).toMatchObject({ status: 202, body: { recorded: true } });
    const events = await given(sessionId);
    expect(events.map((e) => e.data)).toEqual([
      {
        sessionId,
        appointmentId: booked.appointmentId,
        patientId: booked.patientId,
        clinicId: booked.clinicId,
        scope: 'telehealth',
        givenAt: expect.any(String),
        method: 'join-link',
        textVersion: CONSENT_TEXT_VERSION,
        language: expect.objectContaining({ alg: 'AES-256-GCM', ciphertext: expect.any(String) }),
        givenBy: { kind: 'user', userId: booked.patientId, role: 'patient' },
      },
    ]);
    expect(JSON.stringify(events[0]?.data)).not.toContain('"es"');
    expect(events[0]?.metadata).toMatchObject({ actor: expect.stringMatching(/^join-link:/) });
  });

  it('records nothing when the patient already has a consent on record', async () => {
    const { booked, sessionId, token } = await linkOf('patient');
    await app.get(TelehealthConsents).granted(randomUUID(), consentGranted(booked.patientId));
    expect(await consent(token)).toMatchObject({ status: 202, body: { recorded: true } });
    expect(await given(sessionId)).toEqual([]);
  });

  it("refuses any link but the patient's own, and a request without a link", async () => {
    const { sessionId, token } = await linkOf('provider');
    const refused = await consent(token);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("only the patient's own link");
    expect((await consent(undefined)).status).toBe(400);
    expect((await consent('not-a-token')).status).toBe(400);
    expect(await given(sessionId)).toEqual([]);
  });

  it.each([
    ['a refusal', { ...accept, accept: false }, 'accept'],
    ['an old text', { ...accept, textVersion: '2020-01' }, 'textVersion'],
    ['another language', { ...accept, language: 'fr' }, 'language'],
    ['a field the API does not know', { ...accept, patientId: 'x' }, 'patientId'],
  ])('answers %s with 400 naming the field, and records nothing', async (_, body, field) => {
    const { sessionId, token } = await linkOf('patient');
    const refused = await consent(token, body);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(field);
    expect(await given(sessionId)).toEqual([]);
  });
});
