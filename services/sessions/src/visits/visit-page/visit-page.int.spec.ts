import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { decodeJwt } from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import { ClinicNames } from '../infrastructure/clinic-names.projection';
import { clinicRecorded } from '../testing/qualification-events';
import { confirmPatientLocation, qualifyProvider } from '../testing/qualified-provider';
import { CONSENT_GRANTED, consentGranted } from '../testing/scheduling-events';
import { within } from '../testing/sessions-test-kit';
import { followEvents } from '../testing/server-sent-events';
import { useSessionsApp } from '../testing/sessions-testbed';

type Headers = Record<string, string>;

interface Status {
  state: string;
  position?: number;
  room?: { url: string; expiresAt: string };
}

describe("the visit page's API, with the join link as credential", () => {
  const bed = useSessionsApp(new TestNamespace('sessions-visit-page'), {
    phi: true,
    env: { SESSIONS_LIVE_POLL_MS: '200' },
  });
  let coordinator: Headers;

  beforeAll(async () => {
    coordinator = await bearer('coordinator', randomUUID());
  });

  /** A visit booked 5 minutes from now, its clinic and provider in the directory, links issued. */
  async function bookedVisit() {
    const { booked, sessionId } = await bed.kit.bookedSession(5);
    await bed.app.get(ClinicNames).recorded(randomUUID(), clinicRecorded(booked.clinicId));
    await qualifyProvider(bed.app, booked.providerId);
    const linkOf = async (participantId: string) => {
      const link = await callService(
        bed.url,
        'POST',
        `/api/v1/sessions/${sessionId}/links`,
        coordinator,
        {
          participantId,
        },
      );
      expect(link.status).toBe(201);
      return (link.body as { url: string }).url.split('#')[1] ?? '';
    };
    return {
      booked,
      sessionId,
      patientLink: await linkOf(booked.patientId),
      providerLink: await linkOf(booked.providerId),
    };
  }

  const join = async (token: string, deviceToken?: string) => {
    const joined = await callService(bed.url, 'POST', '/api/v1/join', {}, { token, deviceToken });
    expect(joined.status).toBe(200);
    return (joined.body as { deviceToken: string }).deviceToken;
  };
  const linkHeaders = (token: string, deviceToken?: string, language = 'en'): Headers => ({
    'x-join-token': token,
    ...(deviceToken ? { 'x-device-token': deviceToken } : {}),
    'accept-language': language,
  });
  const visit = (headers: Headers) => callService(bed.url, 'GET', '/api/v1/visit', headers);
  const act = (path: string, headers: Headers, body?: object) =>
    callService(bed.url, 'POST', `/api/v1/visit/${path}`, headers, body);

  it('follows a patient from the link to the survey: scheduled, waiting, provider joining, admitted with the room, ended', async () => {
    const { booked, sessionId, patientLink, providerLink } = await bookedVisit();
    const patientBearer = await bearer('patient', booked.patientId);
    const provider = await bearer('provider', booked.providerId);

    const before = await visit(linkHeaders(patientLink));
    expect(before).toMatchObject({
      status: 200,
      body: {
        sessionId,
        participantId: booked.patientId,
        role: 'patient',
        state: 'scheduled',
        scheduledStart: booked.start,
        scheduledEnd: booked.end,
        timeZone: 'America/New_York',
        clinicName: 'Riverside Telehealth Clinic',
        providerName: 'Dr. Adaeze Okafor',
        audioOnly: false,
        surveyed: false,
        consentOnRecord: false,
      },
    });
    expect(before.body).not.toHaveProperty('position');

    await bed.kit.compliance(CONSENT_GRANTED, consentGranted(booked.patientId));
    await eventually(async () => {
      expect((await visit(linkHeaders(patientLink))).body).toMatchObject({
        consentOnRecord: true,
      });
    }, within);

    const device = await join(patientLink);
    const patient = linkHeaders(patientLink, device);
    expect((await visit(patient)).body).toMatchObject({ state: 'waiting', position: 1 });

    const stream = followEvents<Status>(`${bed.url}/api/v1/visit/events`, patient, 'status');
    try {
      await eventually(
        async () => expect(stream.received).toEqual([{ state: 'waiting', position: 1 }]),
        within,
      );
      const { headers } = await stream.response;
      expect(headers.get('content-type')).toContain('text/event-stream');
      expect(headers.get('cache-control')).toBe('no-cache');

      await qualifyProvider(bed.app, booked.providerId);
      await confirmPatientLocation(bed.url, sessionId, patientBearer);
      await eventually(async () => {
        expect(
          (await callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/start`, provider))
            .status,
        ).toBe(200);
      }, within);
      await eventually(
        async () =>
          expect(stream.received.at(-1)).toEqual({ state: 'provider-joining', position: 1 }),
        within,
      );

      await join(providerLink);
      expect(
        (await callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/admit`, provider))
          .status,
      ).toBe(200);
      await eventually(async () => expect(stream.received.at(-1)?.state).toBe('admitted'), within);
      const room = stream.received.at(-1)?.room;
      expect(room?.url).toContain(sessionId);
      expect(decodeJwt(room?.url.split('#token=')[1] ?? '')).toMatchObject({
        sub: booked.patientId,
        role: 'patient',
      });

      // The page enters the room with the link again, then loses video and goes on by audio.
      await join(patientLink, device);
      expect((await act('audio-only', patient, { trigger: 'poor-connection' })).status).toBe(204);
      expect((await visit(patient)).body).toMatchObject({ state: 'admitted', audioOnly: true });
      expect((await act('leave', patient, { reason: 'left' })).status).toBe(204);

      expect(
        (
          await callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/end`, provider, {
            outcome: 'completed',
          })
        ).status,
      ).toBe(200);
      await eventually(async () => expect(stream.closed).toBe(true), within);
      expect(stream.received.map((s) => s.state)).toEqual([
        'waiting',
        'provider-joining',
        'admitted',
        'ended',
      ]);
    } finally {
      stream.stop();
      await stream.done;
    }

    const survey = await act('survey', patient, { overall: 5, wouldRecommend: 9 });
    expect(survey).toMatchObject({ status: 201, body: { surveyId: expect.any(String) } });
    expect((await visit(patient)).body).toMatchObject({ state: 'ended', surveyed: true });
    const types = (await bed.store.load(`session-${sessionId}`)).map((e) => e.type.split('.')[2]);
    expect(types).toEqual(
      expect.arrayContaining(['SwitchedToAudioOnly', 'ParticipantLeft', 'SurveySubmitted']),
    );
  });

  it('reports a problem in Spanish: the steps come in Spanish and the issue reaches the coordinators', async () => {
    const { booked, patientLink } = await bookedVisit();
    const patient = linkHeaders(patientLink, await join(patientLink), 'es');

    const reported = await act('issues', patient, {
      category: 'audio',
      description: 'No oigo al doctor.',
      device: 'mobile',
    });
    expect(reported).toMatchObject({ status: 201, body: { issueId: expect.any(String) } });
    const { issueId, steps } = reported.body as { issueId: string; steps: string[] };
    expect(steps.join(' ')).toContain('volumen');

    const queue = await callService(bed.url, 'GET', '/api/v1/issues/open', coordinator);
    expect((queue.body as { issueId: string }[]).find((i) => i.issueId === issueId)).toMatchObject({
      category: 'audio',
    });

    const checked = await act('pre-visit-checks', patient, {
      participantId: booked.patientId,
      checks: { camera: 'pass', microphone: 'pass', speaker: 'pass', network: 'fail' },
      client: { device: 'mobile', browser: 'safari' },
    });
    expect(checked).toMatchObject({
      status: 201,
      body: { result: 'failed', issueId: expect.any(String), steps: expect.any(Array) },
    });
  });

  it('refuses a revoked, a tampered, a malformed link and another device, and a link acting for someone else, recording nothing', async () => {
    const { booked, sessionId, patientLink, providerLink } = await bookedVisit();
    const device = await join(patientLink);
    const patient = linkHeaders(patientLink, device);
    const before = await bed.store.model.countDocuments();

    // Another device, without the device token the link was bound to.
    const elsewhere = await visit(linkHeaders(patientLink));
    expect(elsewhere).toMatchObject({
      status: 409,
      type: expect.stringContaining('application/problem+json'),
      body: { detail: expect.stringContaining('another device') },
    });
    expect(
      (await act('audio-only', linkHeaders(patientLink, randomBytes(32).toString('base64url'))))
        .status,
    ).toBe(409);

    const [head, , signature] = patientLink.split('.');
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...decodeJwt(patientLink), sid: randomUUID() })).toString('base64url')}.${signature}`;
    expect(await visit(linkHeaders(tampered, device, 'es'))).toMatchObject({
      status: 403,
      body: { detail: expect.stringContaining('no es válido') },
    });
    expect(await visit({})).toMatchObject({
      status: 400,
      body: { detail: expect.stringContaining('X-Join-Token') },
    });

    // The patient's link acts for the patient only.
    const forProvider = await act('pre-visit-checks', patient, {
      participantId: booked.providerId,
      checks: { camera: 'fail', microphone: 'pass', speaker: 'pass', network: 'pass' },
      client: { device: 'desktop', browser: 'chrome' },
    });
    expect(forProvider.status).toBe(403);
    expect(
      (await act('issues', patient, { category: 'video', participantId: booked.providerId }))
        .status,
    ).toBe(403);
    expect(await act('issues', patient, { category: 'smoke' })).toMatchObject({
      status: 400,
      text: expect.stringContaining('category'),
    });
    expect(await act('leave', patient, { reason: 'bored' })).toMatchObject({
      status: 400,
      text: expect.stringContaining('reason'),
    });
    // The provider's link answers no survey.
    const provider = linkHeaders(providerLink, await join(providerLink));
    expect((await act('survey', provider, { overall: 5, wouldRecommend: 9 })).status).toBe(403);
    const afterProviderJoin = await bed.store.model.countDocuments();

    const revoked = await callService(
      bed.url,
      'POST',
      `/api/v1/sessions/${sessionId}/links`,
      coordinator,
      {
        participantId: booked.patientId,
      },
    );
    expect(revoked.status).toBe(201);
    const afterReissue = await bed.store.model.countDocuments();
    expect(await act('issues', patient, { category: 'video' })).toMatchObject({
      status: 410,
      body: { detail: expect.stringContaining('replaced or cancelled') },
    });
    expect((await visit(patient)).status).toBe(410);
    expect(await bed.store.model.countDocuments()).toBe(afterReissue);
    // Nothing from the refused calls: only the provider's join and the reissue wrote.
    expect(afterProviderJoin - before).toBe(1);
  });
});
