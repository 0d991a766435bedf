import { NestExpressApplication } from '@nestjs/platform-express';
import { MongoEventStore } from '@thc/event-store';
import {
  bearer,
  eventually,
  expectValidFhir,
  hostileBodies,
  TestNamespace,
  callService as call,
} from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { AuditTrailCollections } from '../audit-trail/audit-trail.collections';
import {
  complianceTestEnv,
  createComplianceTopics,
  startComplianceApp,
} from '../testing/compliance-test-app';

const GRANTED = 'thc.compliance.ConsentGranted.v1';
const REVOKED = 'thc.compliance.ConsentRevoked.v1';

describe('telehealth consent over HTTP', () => {
  const ns = new TestNamespace('consent');
  let app: NestExpressApplication;
  let url: string;
  let store: MongoEventStore;
  let trail: AuditTrailCollections;
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    complianceTestEnv(ns);
    await createComplianceTopics(ns);
    ({ app, url } = await startComplianceApp());
    store = app.get(MongoEventStore);
    trail = app.get(AuditTrailCollections);
    coordinator = await bearer('coordinator', randomUUID());
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await ns.dispose();
  }, 180_000);

  const valid = {
    scope: 'telehealth',
    method: 'electronic-signature',
    formVersion: '2026-01',
    expiresAt: '2031-03-02T13:50:00Z',
  };
  const grant = (patientId: string, body: unknown = valid, headers = coordinator) =>
    call(url, 'POST', `/api/v1/patients/${patientId}/consents`, headers, body);

  it('a coordinator records an e-signed consent: FHIR Consent back, ConsentGranted stored and published', async () => {
    const patientId = randomUUID();
    const response = await grant(patientId);
    expect(response).toMatchObject({
      status: 201,
      body: {
        resourceType: 'Consent',
        status: 'active',
        patient: { reference: `Patient/${patientId}` },
        provision: { type: 'permit', period: { end: '2031-03-02T13:50:00.000Z' } },
        extension: expect.arrayContaining([
          { url: expect.stringContaining('consent-method'), valueCode: 'electronic-signature' },
        ]),
      },
    });
    const stored = await store.load(`consent-${patientId}`);
    expect(stored.map((e) => e.type)).toEqual([GRANTED]);
    // The outbox relay published it on thc.compliance.v1, and the trail consumed it from there.
    await eventually(async () =>
      expect(await trail.entries.findOne({ eventId: stored[0]?.id })).toMatchObject({
        action: 'C',
        patientId,
        resource: { type: 'Consent' },
      }),
    );
  });

  it('a verbal consent needs a witness', async () => {
    const patientId = randomUUID();
    const unwitnessed = await grant(patientId, { ...valid, method: 'verbal' });
    expect(unwitnessed).toMatchObject({
      status: 422,
      body: { detail: 'a verbal consent needs a witness' },
    });
    const witnessId = randomUUID();
    const witnessed = await grant(patientId, {
      ...valid,
      method: 'verbal',
      witnessId,
      witnessRole: 'provider',
    });
    expect(witnessed).toMatchObject({
      status: 201,
      body: {
        verification: [{ verified: true, verifiedWith: { reference: `Patient/${patientId}` } }],
        extension: expect.arrayContaining([
          {
            url: 'https://telehealth-coordinator.org/fhir/StructureDefinition/consent-witnessed-by',
            valueReference: { reference: `Practitioner/${witnessId}` },
          },
        ]),
      },
    });
    expect((await store.load(`consent-${patientId}`)).map((e) => e.data)).toEqual([
      expect.objectContaining({
        method: 'verbal',
        witnessedBy: { userId: witnessId, role: 'provider' },
      }),
    ]);
  });

  it('revoking makes it inactive and publishes ConsentRevoked; a second revoke is 409', async () => {
    const patientId = randomUUID();
    const consentId = ((await grant(patientId)).body as { id: string }).id;
    const patient = await bearer('patient', patientId);
    const revoked = await call(
      url,
      'POST',
      `/api/v1/patients/${patientId}/consents/${consentId}/revoke`,
      patient,
    );
    expect(revoked).toMatchObject({ status: 200, body: { id: consentId, status: 'inactive' } });
    const again = await call(
      url,
      'POST',
      `/api/v1/patients/${patientId}/consents/${consentId}/revoke`,
      coordinator,
    );
    expect(again).toMatchObject({
      status: 409,
      body: { detail: 'the consent is already revoked' },
    });
    const revokedEvent = (await store.load(`consent-${patientId}`)).find((e) => e.type === REVOKED);
    await eventually(async () =>
      expect(await trail.entries.findOne({ eventId: revokedEvent?.id })).toMatchObject({
        action: 'D',
      }),
    );
    // A new consent may be given once the old one is revoked.
    expect((await grant(patientId)).status).toBe(201);
  });

  it('refuses a second active consent of the same scope with 409', async () => {
    const patientId = randomUUID();
    expect((await grant(patientId)).status).toBe(201);
    expect(await grant(patientId)).toMatchObject({
      status: 409,
      body: { detail: 'the patient already has an active telehealth consent' },
    });
  });

  it('patients read only their own consents; auditors and analysts cannot grant', async () => {
    const patientId = randomUUID();
    await grant(patientId);
    const own = await call(
      url,
      'GET',
      `/api/v1/patients/${patientId}/consents`,
      await bearer('patient', patientId),
    );
    expect(own).toMatchObject({
      status: 200,
      body: [{ resourceType: 'Consent', status: 'active' }],
    });
    (own.body as unknown[]).forEach((consent) => expectValidFhir(consent));
    const fhir = await call(url, 'GET', `/fhir/Consent?patient=${patientId}`, coordinator);
    expect(fhir).toMatchObject({
      status: 200,
      body: { resourceType: 'Bundle', type: 'searchset', total: 1 },
    });
    expectValidFhir(fhir.body);
    expect(
      (
        await call(
          url,
          'GET',
          `/api/v1/patients/${patientId}/consents`,
          await bearer('patient', randomUUID()),
        )
      ).status,
    ).toBe(403);
    expect((await grant(patientId, valid, await bearer('auditor', randomUUID()))).status).toBe(403);
    expect((await grant(patientId, valid, await bearer('analyst', randomUUID()))).status).toBe(403);
    expect((await call(url, 'GET', `/api/v1/patients/${patientId}/consents`, {})).status).toBe(401);
    // Each read of consent data was recorded as a PHI access.
    const reads = (await store.load(`phi-access-${patientId}`)).map(
      (e) => e.data as { resource: string; role: string },
    );
    expect(reads).toEqual(
      expect.arrayContaining([expect.objectContaining({ resource: 'Consent', role: 'patient' })]),
    );
  });

  it('answers every hostile consent body with 400 problem+json and writes nothing', async () => {
    const patientId = randomUUID();
    const withWitness = { ...valid, witnessId: randomUUID(), witnessRole: 'provider' };
    const bodies = hostileBodies(withWitness);
    expect(bodies.length).toBeGreaterThanOrEqual(50);
    const before = await store.model.countDocuments();
    const outcomes = await Promise.all(
      bodies.map(async ({ label, body }) => {
        const response = await grant(patientId, body);
        return { label, status: response.status, type: response.type };
      }),
    );
    for (const outcome of outcomes) {
      expect({ label: outcome.label, status: outcome.status }).toEqual({
        label: outcome.label,
        status: 400,
      });
      expect(outcome.type).toContain('application/problem+json');
    }
    expect(await store.model.countDocuments()).toBe(before);
    expect((await grant(patientId, withWitness)).status).toBe(201);
  });
});
