import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { advanceClock } from '../visits/testing/sessions-test-app';
import { useSessionsApp } from '../visits/testing/sessions-testbed';

const RAISED = 'thc.sessions.PlatformIncidentRaised.v1';
const CLOSED = 'thc.sessions.PlatformIncidentClosed.v1';

describe('platform incidents from failure rates across sessions', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-incident'), {
    env: {
      SESSIONS_INCIDENT_THRESHOLD: '5',
      SESSIONS_INCIDENT_WINDOW_SECONDS: '60',
      SESSIONS_INCIDENT_QUIET_SECONDS: '120',
    },
  });

  const count = (type: string) => bed.store.model.countDocuments({ type });

  it('a burst of failed joins raises one incident with the upcoming visits at risk, and a quiet period closes it', async () => {
    const coordinator = await bearer('coordinator', randomUUID());
    const status = async () =>
      (await callService(bed.url, 'GET', '/api/v1/platform/status', coordinator)).body as {
        status: string;
        signalsInWindow: number;
        incident?: { incidentId: string; affectedSessionCount: number };
        affectedUpcomingVisits: { sessionId: string }[];
      };
    const visits = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6].map((i) => bed.kit.bookedSession(30 + i)),
    );
    const later = await bed.kit.bookedSession(60 * 24); // tomorrow: not at risk
    const failJoin = ({ booked, sessionId }: (typeof visits)[number]) =>
      callService(
        bed.url,
        'POST',
        `/api/v1/sessions/${sessionId}/participants/${booked.patientId}/join-failed`,
        coordinator,
      );

    // Four failures, and the same patient failing again: below the threshold.
    for (const visit of visits.slice(0, 4)) expect((await failJoin(visit)).status).toBe(204);
    expect((await failJoin(visits[0]!)).status).toBe(204);
    expect(await status()).toMatchObject({ status: 'operational', signalsInWindow: 4 });
    expect(await count(RAISED)).toBe(0);

    // The fifth distinct failure raises the incident; more failures raise no second one.
    for (const visit of visits.slice(4)) expect((await failJoin(visit)).status).toBe(204);
    const during = await status();
    expect(during).toMatchObject({ status: 'incident', incident: { affectedSessionCount: 7 } });
    expect(await count(RAISED)).toBe(1);
    const atRisk = during.affectedUpcomingVisits.map((v) => v.sessionId);
    expect(atRisk).toEqual(expect.arrayContaining(visits.map((v) => v.sessionId)));
    expect(atRisk).not.toContain(later.sessionId);
    const incidentId = during.incident!.incidentId;
    const [raised] = await bed.store.load(`platform-incident-${incidentId}`);
    expect(raised?.data).toMatchObject({
      component: 'video',
      raisedBy: { kind: 'system', service: 'sessions' },
    });

    // Quiet for the configured period: the timer (or the next read) closes it, once.
    advanceClock(121_000);
    try {
      await eventually(async () => expect((await status()).status).toBe('operational'), {
        timeoutMs: 10_000,
        intervalMs: 200,
      });
    } finally {
      advanceClock(-121_000);
    }
    expect(await count(CLOSED)).toBe(1);
    const closed = (await bed.store.load(`platform-incident-${incidentId}`)).map((e) => e.type);
    expect(closed).toEqual([RAISED, CLOSED]);
    const [, closing] = await bed.store.load(`platform-incident-${incidentId}`);
    expect(closing?.data).toMatchObject({ affectedSessionCount: 7, resolution: 'mitigated' });
  });
});
