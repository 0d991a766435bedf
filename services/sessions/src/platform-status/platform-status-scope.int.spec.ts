import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useSessionsApp } from '../visits/testing/sessions-testbed';

/**
 * The platform's state is not a clinic's: every coordinator reads it. The visits an incident
 * puts at risk are: each coordinator sees those of the clinics they cover.
 */
describe('platform status within the clinics a coordinator covers', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-status-scope'), {
    env: {
      SESSIONS_INCIDENT_THRESHOLD: '4',
      SESSIONS_INCIDENT_WINDOW_SECONDS: '60',
      SESSIONS_INCIDENT_QUIET_SECONDS: '600',
    },
  });

  it('lists to each coordinator only the visits at risk in the clinics they cover, and the incident to all', async () => {
    const clinicA = randomUUID();
    const clinicB = randomUUID();
    const inA = await Promise.all(
      [30, 31].map((m) => bed.kit.bookedSession(m, { clinicId: clinicA })),
    );
    const inB = await Promise.all(
      [32, 33].map((m) => bed.kit.bookedSession(m, { clinicId: clinicB })),
    );
    const everywhere = await bearer('coordinator', randomUUID());
    for (const { booked, sessionId } of [...inA, ...inB])
      expect(
        (
          await callService(
            bed.url,
            'POST',
            `/api/v1/sessions/${sessionId}/participants/${booked.patientId}/join-failed`,
            everywhere,
          )
        ).status,
      ).toBe(204);

    const atRisk = async (clinics: string[]) => {
      const caller = await bearer('coordinator', randomUUID(), { clinics });
      const { body } = await callService(bed.url, 'GET', '/api/v1/platform/status', caller);
      const status = body as { status: string; affectedUpcomingVisits: { sessionId: string }[] };
      expect(status.status).toBe('incident');
      return status.affectedUpcomingVisits.map((visit) => visit.sessionId).sort();
    };
    const ids = (visits: typeof inA) => visits.map((visit) => visit.sessionId).sort();
    expect(await atRisk([clinicA])).toEqual(ids(inA));
    expect(await atRisk([clinicB])).toEqual(ids(inB));
    expect(await atRisk([])).toEqual([]);
  });
});
