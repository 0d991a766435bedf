import { bearer, expectValidFhir, TestNamespace, callService as call } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { consentsOf, TELEHEALTH_CONSENT, useConsentApp } from '../testing/telehealth-consent';

describe("reading a patient's consents over HTTP", () => {
  const { under, as, grant } = useConsentApp(new TestNamespace('read-consents'), {
    call,
    coordinator: () => bearer('coordinator', randomUUID()),
  });

  it('patients read only their own consents; auditors and analysts cannot grant', async () => {
    const patientId = randomUUID();
    await grant(patientId);
    const own = await call(
      under.url,
      'GET',
      consentsOf(patientId),
      await bearer('patient', patientId),
    );
    expect(own).toMatchObject({
      status: 200,
      body: [{ resourceType: 'Consent', status: 'active' }],
    });
    (own.body as unknown[]).forEach((consent) => expectValidFhir(consent));
    const fhir = await call(under.url, 'GET', `/fhir/Consent?patient=${patientId}`, as.coordinator);
    expect(fhir).toMatchObject({
      status: 200,
      body: { resourceType: 'Bundle', type: 'searchset', total: 1 },
    });
    expectValidFhir(fhir.body);
    expect(
      (await call(under.url, 'GET', consentsOf(patientId), await bearer('patient', randomUUID())))
        .status,
    ).toBe(403);
    expect(
      (await grant(patientId, TELEHEALTH_CONSENT, await bearer('auditor', randomUUID()))).status,
    ).toBe(403);
    expect(
      (await grant(patientId, TELEHEALTH_CONSENT, await bearer('analyst', randomUUID()))).status,
    ).toBe(403);
    expect((await call(under.url, 'GET', consentsOf(patientId), {})).status).toBe(401);
    // Each read of consent data was recorded as a PHI access.
    const reads = (await under.store.load(`phi-access-${patientId}`)).map(
      (e) => e.data as { resource: string; role: string },
    );
    expect(reads).toEqual(
      expect.arrayContaining([expect.objectContaining({ resource: 'Consent', role: 'patient' })]),
    );
  });
});
