import { bearer, eventually, TestNamespace, callService as call } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { revocationOf, useConsentApp } from '../testing/telehealth-consent';

const REVOKED = 'thc.compliance.ConsentRevoked.v1';

describe('revoking a telehealth consent over HTTP', () => {
  const { under, as, grant } = useConsentApp(new TestNamespace('revoke-consent'), {
    call,
    coordinator: () => bearer('coordinator', randomUUID()),
  });

  it('revoking makes it inactive and publishes ConsentRevoked; a second revoke is 409', async () => {
    const patientId = randomUUID();
    const consentId = ((await grant(patientId)).body as { id: string }).id;
    const patient = await bearer('patient', patientId);
    const revoked = await call(under.url, 'POST', revocationOf(patientId, consentId), patient);
    expect(revoked).toMatchObject({ status: 200, body: { id: consentId, status: 'inactive' } });
    const again = await call(under.url, 'POST', revocationOf(patientId, consentId), as.coordinator);
    expect(again).toMatchObject({
      status: 409,
      body: { detail: 'the consent is already revoked' },
    });
    const revokedEvent = (await under.store.load(`consent-${patientId}`)).find(
      (e) => e.type === REVOKED,
    );
    await eventually(async () =>
      expect(await under.trail.entries.findOne({ eventId: revokedEvent?.id })).toMatchObject({
        action: 'D',
      }),
    );
    // A new consent may be given once the old one is revoked.
    expect((await grant(patientId)).status).toBe(201);
  });
});
