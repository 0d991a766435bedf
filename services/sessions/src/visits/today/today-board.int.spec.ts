import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { TelehealthConsents } from '../infrastructure/telehealth-consents.projection';
import { sessionIdOf } from '../domain/session-id';
import { ClinicNames } from '../infrastructure/clinic-names.projection';
import { ProviderQualifications } from '../infrastructure/provider-qualifications.projection';
import { SessionViews } from '../infrastructure/session-views.projection';
import { clinicRecorded, staffMemberRecorded } from '../testing/qualification-events';
import { confirmPatientLocation, qualifyProvider } from '../testing/qualified-provider';
import { BOOKED, booking, consentGranted } from '../testing/scheduling-events';
import { advanceClock, testClock } from '../testing/sessions-test-app';
import { within } from '../testing/sessions-test-kit';
import type { TodayBoardResponse, TodayVisit } from './today-board.dto';
import { followEvents } from '../testing/server-sent-events';
import { useSessionsApp } from '../testing/sessions-testbed';

type Headers = Record<string, string>;

describe("the coordinator's Today board", () => {
  const bed = useSessionsApp(new TestNamespace('sessions-today'), {
    phi: true,
    env: { SESSIONS_LIVE_POLL_MS: '200' },
  });
  const clinicA = randomUUID();
  const clinicB = randomUUID();
  let coordinatorOfA: Headers;
  let admin: Headers;

  beforeAll(async () => {
    coordinatorOfA = await bearer('coordinator', randomUUID(), { clinics: [clinicA] });
    admin = await bearer('admin', randomUUID());
    const clinics = bed.app.get(ClinicNames);
    await clinics.recorded(randomUUID(), clinicRecorded(clinicA, 'Riverside Telehealth Clinic'));
    await clinics.recorded(randomUUID(), clinicRecorded(clinicB, 'Hilltop Telehealth Clinic'));
  });

  /** A range around now (the test clock's) that holds every visit booked here. */
  const around = () => {
    const now = testClock().getTime();
    return `from=${new Date(now - 3_600_000).toISOString()}&to=${new Date(now + 3 * 3_600_000).toISOString()}`;
  };

  /**
   * A visit of `clinicId` starting `minutes` from now, booked through Kafka, with the patient's
   * consent on record and the provider named, licensed and credentialed, unless told otherwise.
   */
  async function visit(
    clinicId: string,
    minutes: number,
    { ready = true, interpreterId }: { ready?: boolean; interpreterId?: string } = {},
  ) {
    const booked = { ...booking(new Date(testClock().getTime() + minutes * 60_000)), clinicId };
    const interpreters = interpreterId
      ? [{ participantId: interpreterId, role: 'interpreter' as const }]
      : [];
    const withInterpreter = { ...booked, participants: [...booked.participants, ...interpreters] };
    await bed.kit.scheduling(BOOKED, withInterpreter);
    const sessionId = sessionIdOf(booked.appointmentId);
    await eventually(
      async () => expect(await bed.app.get(SessionViews).find(sessionId)).not.toBeNull(),
      within,
    );
    if (ready) {
      await qualifyProvider(bed.app, booked.providerId);
      await bed.app.get(TelehealthConsents).granted(randomUUID(), consentGranted(booked.patientId));
    }
    return { ...booked, sessionId };
  }

  const board = async (query: string, headers: Headers = coordinatorOfA) => {
    const answer = await callService(bed.url, 'GET', `/api/v1/today?${query}`, headers);
    expect(`${answer.status} ${answer.text}`).toMatch(/^200 /);
    return answer.body as TodayBoardResponse;
  };
  const entryOf = async (sessionId: string): Promise<TodayVisit | undefined> =>
    (await board(`${around()}&clinicId=${clinicA}`)).visits.find((v) => v.sessionId === sessionId);
  const post = (path: string, headers: Headers, body?: object) =>
    callService(bed.url, 'POST', `/api/v1/sessions${path}`, headers, body);
  const linkOf = async (sessionId: string, participantId: string) => {
    const link = await post(`/${sessionId}/links`, admin, { participantId });
    expect(link.status).toBe(201);
    return (link.body as { url: string }).url.split('#')[1] ?? '';
  };
  const join = async (token: string, deviceToken?: string) => {
    const joined = await callService(bed.url, 'POST', '/api/v1/join', {}, { token, deviceToken });
    expect(`${joined.status} ${joined.text}`).toMatch(/^200 /);
    return (joined.body as { deviceToken: string }).deviceToken;
  };

  it('shows a coordinator only the clinics they cover, soonest first, each visit named', async () => {
    const later = await visit(clinicA, 50);
    const sooner = await visit(clinicA, 20);
    const elsewhere = await visit(clinicB, 30);

    const ofA = await board(around());
    const ids = ofA.visits.map((v) => v.sessionId);
    expect(ids).toEqual(expect.arrayContaining([sooner.sessionId, later.sessionId]));
    expect(ids).not.toContain(elsewhere.sessionId);
    expect(ids.indexOf(sooner.sessionId)).toBeLessThan(ids.indexOf(later.sessionId));
    expect(ofA.visits.every((v) => v.clinicId === clinicA)).toBe(true);
    const starts = ofA.visits.map((v) => Date.parse(v.scheduledStart));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(ofA.visits.find((v) => v.sessionId === sooner.sessionId)).toMatchObject({
      appointmentId: sooner.appointmentId,
      clinicName: 'Riverside Telehealth Clinic',
      timeZone: 'America/New_York',
      providerId: sooner.providerId,
      providerName: 'Dr. Adaeze Okafor',
      patientId: sooner.patientId,
      scheduledStart: sooner.start,
      scheduledEnd: sooner.end,
      state: 'booked',
      openIssues: 0,
      readiness: { ready: true, consent: 'on-record', credential: 'current', missing: [] },
    });

    // Staff of every clinic see both; a provider sees only their own visits.
    const all = (await board(around(), admin)).visits.map((v) => v.sessionId);
    expect(all).toEqual(expect.arrayContaining([sooner.sessionId, elsewhere.sessionId]));
    const own = await board(around(), await bearer('provider', elsewhere.providerId));
    expect(own.visits.map((v) => v.sessionId)).toEqual([elsewhere.sessionId]);
  });

  it('follows a visit from booked to checked in, waiting, in progress, audio only and ended', async () => {
    const v = await visit(clinicA, 5);
    const patient = await bearer('patient', v.patientId);
    const provider = await bearer('provider', v.providerId);
    expect((await entryOf(v.sessionId))?.state).toBe('booked');

    await confirmPatientLocation(bed.url, v.sessionId, patient);
    expect((await entryOf(v.sessionId))?.state).toBe('checked-in');

    const patientLink = await linkOf(v.sessionId, v.patientId);
    const device = await join(patientLink);
    expect(await entryOf(v.sessionId)).toMatchObject({ state: 'waiting', waitingMinutes: 0 });
    advanceClock(3 * 60_000 + 5_000);
    expect(await entryOf(v.sessionId)).toMatchObject({ state: 'waiting', waitingMinutes: 3 });

    expect((await post(`/${v.sessionId}/start`, provider)).status).toBe(200);
    expect((await post(`/${v.sessionId}/admit`, provider)).status).toBe(200);
    await join(patientLink, device);
    const inProgress = await entryOf(v.sessionId);
    expect(inProgress?.state).toBe('in-progress');
    expect(inProgress).not.toHaveProperty('waitingMinutes');

    const audio = await post(`/${v.sessionId}/participants/${v.patientId}/audio-only`, patient, {
      trigger: 'poor-connection',
    });
    expect(audio.status).toBe(204);
    expect((await entryOf(v.sessionId))?.state).toBe('audio-only');

    expect((await post(`/${v.sessionId}/end`, provider, { outcome: 'completed' })).status).toBe(
      200,
    );
    expect((await entryOf(v.sessionId))?.state).toBe('ended');
  });

  it('shows a failed device check, the open issue it raised, and a no-show', async () => {
    const checked = await visit(clinicA, 15);
    const failed = await post(`/${checked.sessionId}/pre-visit-checks`, admin, {
      participantId: checked.patientId,
      checks: { camera: 'pass', microphone: 'fail', speaker: 'pass', network: 'pass' },
      client: { device: 'desktop', browser: 'chrome' },
    });
    expect(failed.status).toBe(201);
    expect(await entryOf(checked.sessionId)).toMatchObject({
      state: 'device-check-failed',
      openIssues: 1,
    });

    const missed = await visit(clinicA, -10);
    const ended = await post(`/${missed.sessionId}/end`, coordinatorOfA, {
      outcome: 'patient-no-show',
    });
    expect(`${ended.status} ${ended.text}`).toMatch(/^200 /);
    expect((await entryOf(missed.sessionId))?.state).toBe('no-show');
    const noShows = await board(`${around()}&state=no-show`);
    expect(noShows.visits.map((v) => v.sessionId)).toEqual([missed.sessionId]);
  });

  it('names a missing consent and an expired credential, with whom to ask, and the interpreter', async () => {
    const interpreterId = randomUUID();
    const qualifications = bed.app.get(ProviderQualifications);
    await qualifications.recorded(randomUUID(), {
      ...staffMemberRecorded(interpreterId),
      name: { family: 'Fernández', given: ['Lucía'] },
    });
    const v = await visit(clinicA, 40, { ready: false, interpreterId });
    await qualifications.recorded(randomUUID(), staffMemberRecorded(v.providerId, 'NY'));
    await qualifications.lapsed(randomUUID(), {
      staffId: v.providerId,
      role: 'provider',
      lapsedAt: '2026-11-30T15:00:00Z',
      cause: 'certification-expired',
      certificationKind: 'hipaa',
    });

    expect(await entryOf(v.sessionId)).toMatchObject({
      interpreter: { participantId: interpreterId, name: 'Lucía Fernández' },
      readiness: {
        ready: false,
        consent: 'missing',
        credential: 'expired',
        missing: [
          {
            what: 'No telehealth consent on record',
            ask: 'Ask the patient to consent on the visit page, or record their verbal consent',
          },
          {
            what: "Dr. Adaeze Okafor's telehealth credential expired on 2026-11-30",
            ask: 'Ask the training team (trainer) to renew it, or transfer the visit',
          },
        ],
      },
    });
  });

  it('streams a new board when a patient arrives', async () => {
    const v = await visit(clinicA, 10);
    const stream = followEvents<TodayBoardResponse>(
      `${bed.url}/api/v1/today/events?${around()}&clinicId=${clinicA}`,
      coordinatorOfA,
      'board',
    );
    try {
      const response = await stream.response;
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('x-accel-buffering')).toBe('no');
      const stateIn = (b: TodayBoardResponse) =>
        b.visits.find((entry) => entry.sessionId === v.sessionId)?.state;
      await eventually(
        async () => expect(stream.received.map(stateIn)).toContain('booked'),
        within,
      );

      await join(await linkOf(v.sessionId, v.patientId));
      await eventually(
        async () => expect(stream.received.map(stateIn)).toContain('waiting'),
        within,
      );
      expect(stream.received.every((b) => b.visits.every((e) => e.clinicId === clinicA))).toBe(
        true,
      );
    } finally {
      stream.stop();
      await stream.done;
    }
  });

  it.each([['/api/v1/today'], ['/api/v1/today/events']])(
    '%s refuses a malformed from or too long a range (400 naming it) and a clinic not covered (403)',
    async (path) => {
      const badFrom = await callService(bed.url, 'GET', `${path}?from=yesterday`, coordinatorOfA);
      expect(badFrom.status).toBe(400);
      expect(badFrom.body).toMatchObject({
        'invalid-params': [expect.objectContaining({ name: 'from' })],
      });

      const week = `from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z`;
      const tooLong = await callService(bed.url, 'GET', `${path}?${week}`, coordinatorOfA);
      expect(tooLong.status).toBe(400);
      expect(tooLong.body).toMatchObject({
        'invalid-params': [expect.objectContaining({ name: 'to' })],
      });

      const foreign = await callService(
        bed.url,
        'GET',
        `${path}?clinicId=${clinicB}`,
        coordinatorOfA,
      );
      expect(foreign.status).toBe(403);
      expect(foreign.type).toContain('application/problem+json');
    },
  );
});
