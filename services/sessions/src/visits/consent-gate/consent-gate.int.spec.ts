import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { confirmPatientLocation, qualifyProvider } from '../testing/qualified-provider';
import { CONSENT_GRANTED, CONSENT_REVOKED, consentGranted } from '../testing/scheduling-events';
import { TelehealthConsents } from '../infrastructure/telehealth-consents.projection';
import { within } from '../testing/sessions-test-kit';
import { useSessionsApp } from '../testing/sessions-testbed';

describe('the consent gate', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-consent'));

  const eventsOf = async (sessionId: string) =>
    (await bed.store.load(`session-${sessionId}`)).map((e) => ({
      type: e.type.split('.')[2],
      data: e.data as Record<string, unknown>,
    }));

  it('refuses to start without consent and records the refusal; starts once consent is granted; refuses again once it is revoked', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(5);
    const provider = await bearer('provider', booked.providerId);
    const start = (id: string) =>
      callService(bed.url, 'POST', `/api/v1/sessions/${id}/start`, provider);

    expect(await start(sessionId)).toMatchObject({
      status: 409,
      body: { detail: 'the visit cannot start: the patient has no telehealth consent on record' },
    });
    expect((await eventsOf(sessionId)).slice(-1)).toEqual([
      {
        type: 'SessionStartRefused',
        data: expect.objectContaining({
          reason: 'consent-missing',
          attemptedBy: { kind: 'user', userId: booked.providerId, role: 'provider' },
        }),
      },
    ]);

    const consent = consentGranted(booked.patientId);
    await bed.kit.compliance(CONSENT_GRANTED, consent);
    await qualifyProvider(bed.app, booked.providerId);
    await confirmPatientLocation(bed.url, sessionId, provider);
    await eventually(async () => expect((await start(sessionId)).status).toBe(200), within);
    expect((await eventsOf(sessionId)).slice(-1)).toEqual([
      { type: 'SessionStarted', data: expect.objectContaining({ consentId: consent.consentId }) },
    ]);

    // The next visit of the same patient, after the consent is withdrawn.
    const next = await bed.kit.bookedSession(5, {
      patientId: booked.patientId,
      providerId: booked.providerId,
    });
    await bed.kit.compliance(CONSENT_REVOKED, {
      consentId: consent.consentId,
      patientId: booked.patientId,
      scope: 'telehealth',
      revokedAt: new Date().toISOString(),
      revokedBy: { kind: 'user', userId: booked.patientId, role: 'patient' },
    });
    // Wait for the revocation to reach the consent gate before trying: a start tried earlier
    // would succeed, and the session could not be started (or refused) again.
    const consents = bed.app.get(TelehealthConsents);
    await eventually(
      async () =>
        expect(await consents.standingOf(booked.patientId, new Date())).toEqual({
          active: false,
          reason: 'consent-revoked',
        }),
      within,
    );
    await eventually(
      async () =>
        expect(await start(next.sessionId)).toMatchObject({
          status: 409,
          body: {
            detail: 'the visit cannot start: the patient has revoked their telehealth consent',
          },
        }),
      within,
    );
    const refusals = (await eventsOf(next.sessionId)).filter(
      (e) => e.type === 'SessionStartRefused',
    );
    expect(refusals.at(-1)?.data).toMatchObject({ reason: 'consent-revoked' });
  });

  it('lets only the session provider or staff start it', async () => {
    const { sessionId } = await bed.kit.bookedSession(5);
    const other = await bearer('provider', randomUUID());
    const patient = await bearer('patient', randomUUID());
    const before = await bed.store.model.countDocuments();
    expect(
      (await callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/start`, other)).status,
    ).toBe(403);
    expect(
      (await callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/start`, patient)).status,
    ).toBe(403);
    expect(await bed.store.model.countDocuments()).toBe(before);
  });
});
