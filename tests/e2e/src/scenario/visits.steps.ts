import { eventually } from '@thc/testing';
import { BookedVisit } from './bookings.steps';
import { DayLedger } from './expected-figures';
import { PlatformApi } from './platform-api';

export type VisitScript =
  'smooth' | 'drop-and-audio-only' | 'failed-check' | 'patient-no-show' | 'no-consent';

/** What the scenario does with each visit it runs, by script; the ledger keeps when it ran. */
export async function runVisit(
  api: PlatformApi,
  ledger: DayLedger,
  visit: BookedVisit,
  script: VisitScript,
  coordinatorId: string,
): Promise<void> {
  const from = new Date();
  ledger.touched(visit, from);
  try {
    await playVisit(api, ledger, visit, script, coordinatorId);
  } finally {
    ledger.ran.set(visit.appointmentId, { from, to: new Date() });
  }
}

async function playVisit(
  api: PlatformApi,
  ledger: DayLedger,
  visit: BookedVisit,
  script: VisitScript,
  coordinatorId: string,
): Promise<void> {
  const patient = { role: 'patient', sub: visit.patientId } as const;
  const provider = { role: 'provider', sub: visit.providerId } as const;
  const coordinator = { role: 'coordinator', sub: coordinatorId } as const;
  const sessionId = await sessionOf(api, visit);
  const s = `/api/v1/sessions/${sessionId}`;
  const post = (
    path: string,
    as: typeof patient | typeof provider | typeof coordinator,
    body?: object,
  ) => api.call('sessions', 'POST', path, as, body);

  await api.expect(
    200,
    'scheduling',
    'POST',
    `/api/v1/appointments/${visit.appointmentId}/check-in`,
    patient,
    { sessionId },
  );

  const failing = script === 'failed-check';
  const check = await api.expect(201, 'sessions', 'POST', `${s}/pre-visit-checks`, patient, {
    participantId: visit.patientId,
    checks: {
      camera: 'pass',
      microphone: failing ? 'fail' : 'pass',
      speaker: 'pass',
      network: 'pass',
    },
    client: { device: 'desktop', browser: 'chrome' },
  });
  ledger.check(visit, failing);
  if (failing) {
    const issue = `${s}/issues/${check.issueId}`;
    await api.expect(204, 'sessions', 'POST', `${issue}/assign`, coordinator, { coordinatorId });
    await api.expect(204, 'sessions', 'POST', `${issue}/resolve`, coordinator, {
      outcome: 'fixed',
      steps: ['grant-permissions', 'reload-page'],
    });
  }

  // In the waiting room the patient confirms where they are: licensure follows it.
  await api.expect(200, 'sessions', 'POST', `${s}/patient-location`, patient, {
    state: visit.patientState,
  });

  if (script === 'no-consent') {
    const refused = await post(`${s}/start`, provider);
    if (refused.status !== 409) throw new Error(`start without consent answered ${refused.status}`);
    return;
  }
  if (script === 'patient-no-show') {
    // The patient never comes: the provider closes the visit without starting it.
    await api.expect(200, 'sessions', 'POST', `${s}/end`, provider, { outcome: 'patient-no-show' });
    ledger.noShow.add(visit.appointmentId);
    return;
  }

  const link = async (participantId: string) => {
    const issued = await api.expect(201, 'sessions', 'POST', `${s}/links`, coordinator, {
      participantId,
    });
    return String(issued.url).split('#')[1] ?? '';
  };
  const join = (token: string) =>
    api.expect(
      200,
      'sessions',
      'POST',
      '/api/v1/join',
      { role: 'patient', sub: visit.patientId },
      { token },
    );
  const patientLink = await link(visit.patientId);
  const providerLink = await link(visit.providerId);
  await join(patientLink);
  await api.expect(200, 'sessions', 'POST', `${s}/start`, provider);
  ledger.started(visit);
  await join(providerLink);
  await api.expect(200, 'sessions', 'POST', `${s}/admit`, provider);
  await join(patientLink);
  const sample = (body: object) =>
    api.expect(
      204,
      'sessions',
      'POST',
      `${s}/participants/${visit.patientId}/quality-samples`,
      patient,
      body,
    );
  await sample({ rttMs: 80, jitterMs: 5, packetLossPercent: 0.2, bitrateKbps: 1200 });
  if (script === 'drop-and-audio-only') {
    await sample({ rttMs: 620, jitterMs: 70, packetLossPercent: 8, bitrateKbps: 180 });
    await api.expect(
      204,
      'sessions',
      'POST',
      `${s}/participants/${visit.patientId}/leave`,
      patient,
      {
        reason: 'disconnected',
      },
    );
    await join(patientLink);
    await api.expect(
      204,
      'sessions',
      'POST',
      `${s}/participants/${visit.patientId}/audio-only`,
      patient,
      {
        trigger: 'poor-connection',
      },
    );
    ledger.audioOnly.add(visit.appointmentId);
  }
  await api.expect(200, 'sessions', 'POST', `${s}/end`, provider, { outcome: 'completed' });
  ledger.completed.add(visit.appointmentId);
  const overall = script === 'smooth' ? 5 : 3;
  const wouldRecommend = script === 'smooth' ? 10 : 6;
  await api.expect(201, 'sessions', 'POST', `${s}/survey`, patient, {
    overall,
    wouldRecommend,
    technicalQuality: overall,
  });
  ledger.surveyed(visit, overall, wouldRecommend);
}

/** The session the platform opened for an appointment, as its patient sees it. */
async function sessionOf(api: PlatformApi, visit: BookedVisit): Promise<string> {
  let sessionId = '';
  await eventually(
    async () => {
      const sessions = await api.expect<{ sessionId: string; appointmentId: string }[]>(
        200,
        'sessions',
        'GET',
        `/api/v1/patients/${visit.patientId}/sessions`,
        { role: 'patient', sub: visit.patientId },
      );
      const session = sessions.find((x) => x.appointmentId === visit.appointmentId);
      // A plain error, not Jest's expect: the platform benchmark runs these steps outside Jest.
      if (!session) throw new Error(`no session yet for appointment ${visit.appointmentId}`);
      sessionId = session.sessionId;
    },
    { timeoutMs: 60_000, intervalMs: 500 },
  );
  return sessionId;
}
