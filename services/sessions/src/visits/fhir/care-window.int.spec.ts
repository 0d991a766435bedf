import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { CANCELLED } from '../testing/scheduling-events';
import { advanceClock, testClock } from '../testing/sessions-test-app';
import { within } from '../testing/sessions-test-kit';
import { SessionViews } from '../infrastructure/session-views.projection';
import { useSessionsApp } from '../testing/sessions-testbed';

const DAY = 86_400_000;
const PHI_ACCESSED = 'thc.compliance.PhiAccessed.v1';
const REFUSAL = 'provider has no appointment with this patient within the care window';

/** Every way to open one session: the REST read and the FHIR Encounter. */
const singleReads = (sessionId: string) => [
  `/api/v1/sessions/${sessionId}`,
  `/fhir/Encounter/${sessionId}`,
];

describe("a provider's view of a patient's sessions ends with the care window", () => {
  const bed = useSessionsApp(new TestNamespace('sessions-care-window'), {
    env: { CARE_RELATIONSHIP_DAYS: undefined },
  });

  /** The service's clock is moved forward only: each test books relative to where it is now. */
  const clockAt = (instant: number) => advanceClock(instant - testClock().getTime());
  const minutesAhead = (minutes: number) => minutes + (testClock().getTime() - Date.now()) / 60_000;
  const accessCount = async (patientId: string) =>
    (await bed.store.load(`phi-access-${patientId}`)).filter((e) => e.type === PHI_ACCESSED).length;

  it('shows the provider their session with the patient within 90 days of it, and nothing after', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(minutesAhead(5));
    const path = `/api/v1/patients/${booked.patientId}/sessions`;
    const provider = await bearer('provider', booked.providerId);
    const coordinator = await bearer('coordinator', booked.providerId);

    clockAt(Date.parse(booked.end) + 89 * DAY);
    expect(await callService(bed.url, 'GET', path, provider)).toMatchObject({
      status: 200,
      body: [{ sessionId }],
    });

    clockAt(Date.parse(booked.end) + 91 * DAY);
    expect(await callService(bed.url, 'GET', path, provider)).toMatchObject({
      status: 200,
      body: [],
    });
    // Running the program is not care: staff still see the session.
    expect(await callService(bed.url, 'GET', path, coordinator)).toMatchObject({
      status: 200,
      body: [{ sessionId }],
    });
  });

  it('lets the provider open the session and its Encounter on day 89, and refuses both on day 91 without recording a read', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(minutesAhead(5));
    const provider = await bearer('provider', booked.providerId);

    clockAt(Date.parse(booked.end) + 89 * DAY);
    for (const path of singleReads(sessionId))
      expect({ path, status: (await callService(bed.url, 'GET', path, provider)).status }).toEqual({
        path,
        status: 200,
      });

    // The provider kept the session id: months later it must open no more than the list.
    clockAt(Date.parse(booked.end) + 91 * DAY);
    const recorded = await accessCount(booked.patientId);
    for (const path of singleReads(sessionId)) {
      const refused = await callService(bed.url, 'GET', path, provider);
      expect({ path, status: refused.status, type: refused.type }).toEqual({
        path,
        status: 403,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(refused.body).toMatchObject({ detail: REFUSAL });
      expect(refused.text).not.toContain(booked.patientId);
    }
    expect(await accessCount(booked.patientId)).toBe(recorded);

    // Running the program is not care, and the patient's own visit stays theirs.
    const coordinator = await bearer('coordinator', booked.providerId);
    const patient = await bearer('patient', booked.patientId);
    for (const caller of [coordinator, patient])
      for (const path of singleReads(sessionId))
        expect((await callService(bed.url, 'GET', path, caller)).status).toBe(200);
  });

  it('gives the provider of a cancelled visit the session only until it was cancelled', async () => {
    // Booking and cancelling a visit must not buy the care window after it.
    const { booked, sessionId } = await bed.kit.bookedSession(minutesAhead(30 * 24 * 60));
    const provider = await bearer('provider', booked.providerId);
    for (const path of singleReads(sessionId))
      expect((await callService(bed.url, 'GET', path, provider)).status).toBe(200);

    await bed.kit.scheduling(CANCELLED, {
      appointmentId: booked.appointmentId,
      cancelledAt: testClock().toISOString(),
      cancelledBy: { kind: 'user', userId: booked.providerId, role: 'provider' },
      reasonCode: 'provider-unavailable',
      late: false,
    });
    const views = bed.app.get(SessionViews);
    await eventually(
      async () => expect(await views.find(sessionId)).toMatchObject({ outcome: 'cancelled' }),
      within,
    );

    const recorded = await accessCount(booked.patientId);
    for (const path of singleReads(sessionId)) {
      const refused = await callService(bed.url, 'GET', path, provider);
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expect(refused.body).toMatchObject({ detail: REFUSAL });
    }
    expect(await accessCount(booked.patientId)).toBe(recorded);
    expect(
      await callService(bed.url, 'GET', `/api/v1/patients/${booked.patientId}/sessions`, provider),
    ).toMatchObject({ status: 200, body: [] });
  });

  it('keeps an old session open to its provider while a later visit with the patient is in care, as the list does', async () => {
    const first = await bed.kit.bookedSession(minutesAhead(5));
    const provider = await bearer('provider', first.booked.providerId);
    const read = () => callService(bed.url, 'GET', `/api/v1/sessions/${first.sessionId}`, provider);

    clockAt(Date.parse(first.booked.end) + 91 * DAY);
    expect((await read()).status).toBe(403);

    // The patient comes back to the same provider: care is current again, for the old visit too.
    const { patientId, providerId } = first.booked;
    const second = await bed.kit.bookedSession(minutesAhead(60), { patientId, providerId });
    expect((await read()).status).toBe(200);
    expect(
      await callService(bed.url, 'GET', `/api/v1/patients/${patientId}/sessions`, provider),
    ).toMatchObject({
      status: 200,
      body: [{ sessionId: first.sessionId }, { sessionId: second.sessionId }],
    });
  });
  it('refuses the provider ending a session nobody closed once the care window has passed, so a stale session neither answers nor reopens care', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(minutesAhead(5));
    const provider = await bearer('provider', booked.providerId);
    const end = `/api/v1/sessions/${sessionId}/end`;

    clockAt(Date.parse(booked.end) + 91 * DAY);
    const recorded = await accessCount(booked.patientId);
    // Ending it now would answer with the visit and date its end today: a fresh care window.
    const refused = await callService(bed.url, 'POST', end, provider, {
      outcome: 'patient-no-show',
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ detail: REFUSAL });
    expect(await accessCount(booked.patientId)).toBe(recorded);
    expect(
      (await callService(bed.url, 'GET', `/api/v1/sessions/${sessionId}`, provider)).status,
    ).toBe(403);

    // Staff close out the stale session as before.
    const coordinator = await bearer('coordinator', booked.providerId);
    expect(
      await callService(bed.url, 'POST', end, coordinator, { outcome: 'patient-no-show' }),
    ).toMatchObject({ status: 200, body: { status: 'ended' } });
  });
});
