import { NestExpressApplication } from '@nestjs/platform-express';
import { eventDefinition } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, eventually, TestNamespace, callService as call } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import {
  complianceTestEnv,
  createComplianceTopics,
  publish,
  startComplianceApp,
} from '../../testing/compliance-test-app';
import { CONSENT_GIVEN_AT_JOIN, ConsentGivenAtJoin } from './consent-given-at-join';

const GRANTED = 'thc.compliance.ConsentGranted.v1';
const within = { timeoutMs: 40_000, intervalMs: 300 };

describe('consent given on the visit page, recorded by compliance-audit', () => {
  const ns = new TestNamespace('consent-at-join');
  let app: NestExpressApplication;
  let url: string;
  let store: MongoEventStore;
  let producer: Producer;

  beforeAll(async () => {
    complianceTestEnv(ns);
    await createComplianceTopics(ns);
    ({ app, url } = await startComplianceApp());
    store = app.get(MongoEventStore);
    producer = ns.kafka().producer();
    await producer.connect();
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  const example = eventDefinition(CONSENT_GIVEN_AT_JOIN)?.example as ConsentGivenAtJoin;
  const givenAtJoin = (overrides: Partial<ConsentGivenAtJoin> = {}): ConsentGivenAtJoin => {
    const patientId = overrides.patientId ?? randomUUID();
    return {
      ...example,
      sessionId: randomUUID(),
      appointmentId: randomUUID(),
      clinicId: randomUUID(),
      patientId,
      givenAt: new Date().toISOString(),
      givenBy: { kind: 'user', userId: patientId, role: 'patient' },
      ...overrides,
    };
  };
  const send = (data: ConsentGivenAtJoin, id?: string) =>
    publish(producer, ns, [{ type: CONSENT_GIVEN_AT_JOIN, data, ...(id ? { id } : {}) }]);
  const grantsOf = async (patientId: string) =>
    (await store.load(`consent-${patientId}`)).filter((e) => e.type === GRANTED);

  it('grants the telehealth consent, captured by the patient by e-signature, once however often the event comes', async () => {
    const data = givenAtJoin();
    const [eventId] = await send(data);
    await send(data, eventId);
    // Same session, same partition, after the redelivery: once its consent is in, the
    // redelivery before it has been handled.
    const after = givenAtJoin({ sessionId: data.sessionId });
    await send(after);
    await eventually(async () => expect(await grantsOf(after.patientId)).toHaveLength(1), within);

    const grants = await grantsOf(data.patientId);
    expect(grants.map((e) => e.data)).toEqual([
      {
        consentId: expect.any(String),
        patientId: data.patientId,
        scope: 'telehealth',
        formVersion: data.textVersion,
        method: 'electronic-signature',
        grantedAt: data.givenAt,
        capturedBy: { kind: 'user', userId: data.patientId, role: 'patient' },
      },
    ]);
    // The grant names the event it came from, so the trail links the two.
    expect(grants[0]?.metadata).toMatchObject({ causationId: eventId, correlationId: eventId });

    // The patient reads it as any consent of theirs.
    const read = await call(
      url,
      'GET',
      `/api/v1/patients/${data.patientId}/consents`,
      await bearer('patient', data.patientId),
    );
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).toContain(`"Patient/${data.patientId}"`);
  });

  it('records nothing over a consent already active, and a later one after it is revoked', async () => {
    const first = givenAtJoin();
    await send(first);
    await eventually(async () => expect(await grantsOf(first.patientId)).toHaveLength(1), within);
    const second = givenAtJoin({ patientId: first.patientId, sessionId: first.sessionId });
    await send(second);
    const marker = givenAtJoin({ sessionId: first.sessionId });
    await send(marker);
    await eventually(async () => expect(await grantsOf(marker.patientId)).toHaveLength(1), within);
    expect(await grantsOf(first.patientId)).toHaveLength(1);

    const consentId = ((await grantsOf(first.patientId))[0]?.data as { consentId: string })
      .consentId;
    const revoked = await call(
      url,
      'POST',
      `/api/v1/patients/${first.patientId}/consents/${consentId}/revoke`,
      await bearer('patient', first.patientId),
    );
    expect(revoked.status).toBe(200);
    await send(givenAtJoin({ patientId: first.patientId, sessionId: first.sessionId }));
    await eventually(async () => expect(await grantsOf(first.patientId)).toHaveLength(2), within);
  });
});
