import 'reflect-metadata';
import { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { createServiceApp } from '@thc/service-runtime';
import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  complianceTestEnv,
  startComplianceApp,
} from '../../../services/compliance-audit/src/testing/compliance-test-app';
import { AppModule as SessionsModule } from '../../../services/sessions/src/app.module';
import { serviceIdentity as sessionsIdentity } from '../../../services/sessions/src/service.identity';
import {
  confirmPatientLocation,
  qualifyProvider,
} from '../../../services/sessions/src/visits/testing/qualified-provider';
import { SessionsKit } from '../../../services/sessions/src/visits/testing/sessions-test-kit';

const within = { timeoutMs: 60_000, intervalMs: 500 };

/**
 * Sessions and compliance-audit side by side on one namespace, connected only by Kafka: the
 * patient consents on the visit page with their join link, sessions publishes
 * ConsentGivenAtJoin, compliance-audit records the consent and publishes ConsentGranted, and
 * sessions' consent gate lets the visit start on it.
 */
describe('a consent given on the visit page opens the visit', () => {
  const ns = new TestNamespace('consent-at-join-platform');
  let sessions: NestExpressApplication;
  let sessionsUrl: string;
  let compliance: NestExpressApplication;
  let producer: Producer;
  let kit: SessionsKit;

  beforeAll(async () => {
    complianceTestEnv(ns, {
      PHI_MASTER_KEYS: `consent-at-join:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
    });
    await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
    ({ app: compliance } = await startComplianceApp());
    sessions = await createServiceApp(SessionsModule, sessionsIdentity, { logger: ['error'] });
    await sessions.listen(0, '127.0.0.1');
    sessionsUrl = await sessions.getUrl();
    producer = ns.kafka().producer();
    await producer.connect();
    kit = new SessionsKit(sessions, (topic) => ns.topic(topic), producer);
  }, 180_000);

  afterAll(async () => {
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    await producer?.disconnect();
    await Promise.all([sessions?.close(), compliance?.close()]);
    await ns.dispose();
  }, 180_000);

  it('refuses the start without consent, records the patient’s consent in compliance-audit once, and starts the visit on it', async () => {
    const { booked, sessionId } = await kit.bookedSession(5);
    const provider = await bearer('provider', booked.providerId);
    const start = () =>
      callService(sessionsUrl, 'POST', `/api/v1/sessions/${sessionId}/start`, provider);
    await qualifyProvider(sessions, booked.providerId);
    await confirmPatientLocation(sessionsUrl, sessionId, provider);
    expect((await start()).status).toBe(409);

    const link = await callService(
      sessionsUrl,
      'POST',
      `/api/v1/sessions/${sessionId}/links`,
      await bearer('coordinator', randomUUID()),
      { participantId: booked.patientId },
    );
    expect(link.status).toBe(201);
    const token = (link.body as { url: string }).url.split('#')[1] ?? '';
    const text = await callService(
      sessionsUrl,
      'GET',
      '/api/v1/visit/consent-text?language=es',
      {},
    );
    const { textVersion } = text.body as { textVersion: string };
    const consent = () =>
      callService(
        sessionsUrl,
        'POST',
        '/api/v1/visit/consent',
        { 'x-join-token': token },
        { accept: true, textVersion, language: 'es' },
      );
    expect(await consent()).toMatchObject({ status: 202, body: { recorded: true } });

    // compliance-audit records it as the patient's own e-signed consent.
    const consents = compliance.get(MongoEventStore);
    const granted = async () =>
      (await consents.load(`consent-${booked.patientId}`)).filter(
        (e) => e.type === 'thc.compliance.ConsentGranted.v1',
      );
    await eventually(async () => expect(await granted()).toHaveLength(1), within);
    const [grant] = await granted();
    expect(grant?.data).toMatchObject({
      patientId: booked.patientId,
      scope: 'telehealth',
      method: 'electronic-signature',
      formVersion: textVersion,
      capturedBy: { kind: 'user', userId: booked.patientId, role: 'patient' },
    });
    const consentId = (grant?.data as { consentId: string }).consentId;

    // Sessions hears ConsentGranted and the visit starts on that consent.
    await eventually(async () => expect((await start()).status).toBe(200), within);
    const started = (await sessions.get(MongoEventStore).load(`session-${sessionId}`)).find(
      (e) => e.type === 'thc.sessions.SessionStarted.v1',
    );
    expect(started?.data).toMatchObject({ consentId });

    // Consenting again changes nothing anywhere.
    expect(await consent()).toMatchObject({ status: 202, body: { recorded: true } });
    const given = (await sessions.get(MongoEventStore).load(`session-${sessionId}`)).filter(
      (e) => e.type === 'thc.sessions.ConsentGivenAtJoin.v1',
    );
    expect(given).toHaveLength(1);
    expect(await granted()).toHaveLength(1);
  });
});
