import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import { decodeJwt } from 'jose';
import { Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { ClinicNames } from '../provider-qualifications/clinic-names.read-model';
import { call } from '../testing/http-client';
import { clinicRecorded } from '../testing/qualification-events';
import { confirmPatientLocation, qualifyProvider } from '../testing/qualified-provider';
import { CONSENT_GRANTED, consentGranted } from '../testing/scheduling-events';
import { startSessionsApp } from '../testing/sessions-test-app';
import { SessionsKit, within } from '../testing/sessions-test-kit';

type Headers = Record<string, string>;

interface Status {
  state: string;
  position?: number;
  room?: { url: string; expiresAt: string };
}

/** Reads a visit's `status` events as the page does: fetch with the link headers. */
function follow(url: string, headers: Headers) {
  const received: Status[] = [];
  const abort = new AbortController();
  let closed = false;
  let contentType = '';
  let cacheControl = '';
  const done = (async () => {
    const response = await fetch(`${url}/api/v1/visit/events`, {
      headers,
      signal: abort.signal,
    });
    contentType = response.headers.get('content-type') ?? '';
    cacheControl = response.headers.get('cache-control') ?? '';
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\n').find((line) => line.startsWith('data: '));
        if (message.startsWith('event: status') && data)
          received.push(JSON.parse(data.slice(6)) as Status);
      }
    }
    closed = true;
  })().catch((error: unknown) => {
    if ((error as { name?: string }).name !== 'AbortError') throw error;
  });
  return {
    received,
    done,
    stop: () => abort.abort(),
    get closed() {
      return closed;
    },
    get contentType() {
      return contentType;
    },
    get cacheControl() {
      return cacheControl;
    },
  };
}

describe("the visit page's API, with the join link as credential", () => {
  const ns = new TestNamespace('sessions-visit-page');
  let app: NestExpressApplication;
  let url: string;
  let store: MongoEventStore;
  let producer: Producer;
  let kit: SessionsKit;
  let coordinator: Headers;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['PHI_MASTER_KEYS'] = `test:${randomBytes(32).toString('base64')}`;
    process.env['PHI_KEYS_DB'] = ns.database('phi_keys');
    process.env['SESSIONS_LIVE_POLL_MS'] = '200';
    await ns.createTopics([
      ns.topic(TOPICS.scheduling),
      ns.topic(TOPICS.compliance),
      ns.topic(TOPICS.training),
    ]);
    ({ app, url } = await startSessionsApp());
    store = app.get(MongoEventStore);
    producer = ns.kafka().producer();
    await producer.connect();
    kit = new SessionsKit(app, (t) => ns.topic(t), producer);
    coordinator = await bearer('coordinator', randomUUID());
  });

  afterAll(async () => {
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    delete process.env['SESSIONS_LIVE_POLL_MS'];
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  });

  /** A visit booked 5 minutes from now, its clinic and provider in the directory, links issued. */
  async function bookedVisit() {
    const { booked, sessionId } = await kit.bookedSession(5);
    await app.get(ClinicNames).recorded(randomUUID(), clinicRecorded(booked.clinicId));
    await qualifyProvider(app, booked.providerId);
    const linkOf = async (participantId: string) => {
      const link = await call(url, 'POST', `/api/v1/sessions/${sessionId}/links`, coordinator, {
        participantId,
      });
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
    const joined = await call(url, 'POST', '/api/v1/join', {}, { token, deviceToken });
    expect(joined.status).toBe(200);
    return (joined.body as { deviceToken: string }).deviceToken;
  };
  const linkHeaders = (token: string, deviceToken?: string, language = 'en'): Headers => ({
    'x-join-token': token,
    ...(deviceToken ? { 'x-device-token': deviceToken } : {}),
    'accept-language': language,
  });
  const visit = (headers: Headers) => call(url, 'GET', '/api/v1/visit', headers);
  const act = (path: string, headers: Headers, body?: object) =>
    call(url, 'POST', `/api/v1/visit/${path}`, headers, body);

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

    await kit.compliance(CONSENT_GRANTED, consentGranted(booked.patientId));
    await eventually(async () => {
      expect((await visit(linkHeaders(patientLink))).body).toMatchObject({
        consentOnRecord: true,
      });
    }, within);

    const device = await join(patientLink);
    const patient = linkHeaders(patientLink, device);
    expect((await visit(patient)).body).toMatchObject({ state: 'waiting', position: 1 });

    const stream = follow(url, patient);
    try {
      await eventually(
        async () => expect(stream.received).toEqual([{ state: 'waiting', position: 1 }]),
        within,
      );
      expect(stream.contentType).toContain('text/event-stream');
      expect(stream.cacheControl).toBe('no-cache');

      await qualifyProvider(app, booked.providerId);
      await confirmPatientLocation(url, sessionId, patientBearer);
      await eventually(async () => {
        expect(
          (await call(url, 'POST', `/api/v1/sessions/${sessionId}/start`, provider)).status,
        ).toBe(200);
      }, within);
      await eventually(
        async () =>
          expect(stream.received.at(-1)).toEqual({ state: 'provider-joining', position: 1 }),
        within,
      );

      await join(providerLink);
      expect(
        (await call(url, 'POST', `/api/v1/sessions/${sessionId}/admit`, provider)).status,
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
          await call(url, 'POST', `/api/v1/sessions/${sessionId}/end`, provider, {
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
    const types = (await store.load(`session-${sessionId}`)).map((e) => e.type.split('.')[2]);
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

    const queue = await call(url, 'GET', '/api/v1/issues/open', coordinator);
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
    const before = await store.model.countDocuments();

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
    const afterProviderJoin = await store.model.countDocuments();

    const revoked = await call(url, 'POST', `/api/v1/sessions/${sessionId}/links`, coordinator, {
      participantId: booked.patientId,
    });
    expect(revoked.status).toBe(201);
    const afterReissue = await store.model.countDocuments();
    expect(await act('issues', patient, { category: 'video' })).toMatchObject({
      status: 410,
      body: { detail: expect.stringContaining('replaced or cancelled') },
    });
    expect((await visit(patient)).status).toBe(410);
    expect(await store.model.countDocuments()).toBe(afterReissue);
    // Nothing from the refused calls: only the provider's join and the reissue wrote.
    expect(afterProviderJoin - before).toBe(1);
  });
});
