import {
  bearer,
  eventually,
  hostileBodies,
  TestNamespace,
  callService as call,
} from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { TELEHEALTH_CONSENT, useConsentApp } from '../testing/telehealth-consent';

const GRANTED = 'thc.compliance.ConsentGranted.v1';

describe('granting a telehealth consent over HTTP', () => {
  const { under, grant } = useConsentApp(new TestNamespace('grant-consent'), {
    call,
    coordinator: () => bearer('coordinator', randomUUID()),
  });

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
    const stored = await under.store.load(`consent-${patientId}`);
    expect(stored.map((e) => e.type)).toEqual([GRANTED]);
    // The outbox relay published it on thc.compliance.v1, and the trail consumed it from there.
    await eventually(async () =>
      expect(await under.trail.entries.findOne({ eventId: stored[0]?.id })).toMatchObject({
        action: 'C',
        patientId,
        resource: { type: 'Consent' },
      }),
    );
  });

  it('a verbal consent needs a witness', async () => {
    const patientId = randomUUID();
    const unwitnessed = await grant(patientId, { ...TELEHEALTH_CONSENT, method: 'verbal' });
    expect(unwitnessed).toMatchObject({
      status: 422,
      body: { detail: 'a verbal consent needs a witness' },
    });
    const witnessId = randomUUID();
    const witnessed = await grant(patientId, {
      ...TELEHEALTH_CONSENT,
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
    expect((await under.store.load(`consent-${patientId}`)).map((e) => e.data)).toEqual([
      expect.objectContaining({
        method: 'verbal',
        witnessedBy: { userId: witnessId, role: 'provider' },
      }),
    ]);
  });

  it('refuses a second active consent of the same scope with 409', async () => {
    const patientId = randomUUID();
    expect((await grant(patientId)).status).toBe(201);
    expect(await grant(patientId)).toMatchObject({
      status: 409,
      body: { detail: 'the patient already has an active telehealth consent' },
    });
  });

  it('answers every hostile consent body with 400 problem+json and writes nothing', async () => {
    const patientId = randomUUID();
    const withWitness = { ...TELEHEALTH_CONSENT, witnessId: randomUUID(), witnessRole: 'provider' };
    const bodies = hostileBodies(withWitness);
    expect(bodies.length).toBeGreaterThanOrEqual(50);
    const before = await under.store.model.countDocuments();
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
    expect(await under.store.model.countDocuments()).toBe(before);
    expect((await grant(patientId, withWitness)).status).toBe(201);
  });
});
