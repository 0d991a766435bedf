import { bearer, callService, hostileBodies, TestNamespace, walkRoutes } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { qualifyProvider } from '../visits/testing/qualified-provider';
import { useSessionsApp } from '../visits/testing/sessions-testbed';

describe('the sessions API against hostile input and the wrong callers', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-hostile'), {
    env: { THROTTLE_LIMIT: '100000' },
  });

  it('answers every hostile body on every write endpoint with 400 problem+json, and writes nothing', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(30);
    const coordinator = await bearer('coordinator', randomUUID());
    const s = `/api/v1/sessions/${sessionId}`;
    const p = `${s}/participants/${booked.patientId}`;
    const issue = `${s}/issues/${randomUUID()}`;
    const endpoints: [string, Record<string, unknown>][] = [
      [`${s}/links`, { participantId: booked.patientId }],
      ['/api/v1/join', { token: 'aaa.bbb.ccc', media: 'video', connection: 'browser' }],
      [
        `${s}/pre-visit-checks`,
        {
          participantId: booked.patientId,
          checks: { camera: 'pass', microphone: 'pass', speaker: 'pass', network: 'pass' },
          network: { downlinkKbps: 1000, uplinkKbps: 500, rttMs: 80 },
          client: { device: 'desktop', browser: 'chrome' },
        },
      ],
      [
        `${s}/issues`,
        {
          category: 'audio',
          participantId: booked.patientId,
          description: 'no sound',
          device: 'mobile',
          browser: 'safari',
        },
      ],
      [`${issue}/assign`, { coordinatorId: randomUUID() }],
      [`${issue}/resolve`, { outcome: 'fixed', steps: ['reload-page'] }],
      [`${p}/leave`, { reason: 'left' }],
      [
        `${p}/quality-samples`,
        { rttMs: 100, jitterMs: 10, packetLossPercent: 0.5, bitrateKbps: 800, mos: 4.1 },
      ],
      [`${p}/audio-only`, { trigger: 'participant-choice' }],
      [`${s}/end`, { outcome: 'completed' }],
      [`${s}/transfer`, { providerId: randomUUID() }],
      [`${s}/patient-location`, { state: 'NJ' }],
      [`${s}/survey`, { overall: 4, wouldRecommend: 9, technicalQuality: 4, comment: 'fine' }],
    ];
    const before = await bed.store.model.countDocuments();
    let tried = 0;
    for (const [path, valid] of endpoints) {
      const bodies = hostileBodies(valid);
      const outcomes = await Promise.all(
        bodies.map(async ({ label, body }) => {
          const response = await callService(bed.url, 'POST', path, coordinator, body);
          return {
            label: `${path.split('/').slice(-1)[0]} ${label}`,
            status: response.status,
            type: response.type,
          };
        }),
      );
      for (const outcome of outcomes) {
        expect({ label: outcome.label, status: outcome.status }).toEqual({
          label: outcome.label,
          status: 400,
        });
        expect(outcome.type).toContain('application/problem+json');
      }
      tried += bodies.length;
    }
    expect(tried).toBeGreaterThanOrEqual(400); // at least 50 per service, here 12 endpoints
    expect(await bed.store.model.countDocuments()).toBe(before);
    // The same endpoints accept their valid bodies: the refusals were about the hostile parts.
    expect(
      (await callService(bed.url, 'POST', `${s}/links`, coordinator, endpoints[0]![1])).status,
    ).toBe(201);
  });

  it('names the bad field in the problem', async () => {
    const { sessionId } = await bed.kit.bookedSession(30);
    const response = await callService(
      bed.url,
      'POST',
      `/api/v1/sessions/${sessionId}/survey`,
      await bearer('coordinator'),
      {
        overall: 7,
        wouldRecommend: 9,
      },
    );
    expect(response).toMatchObject({
      status: 400,
      body: { 'invalid-params': [{ name: 'overall' }] },
    });
  });

  it('lets a patient reach only their own sessions, a provider only theirs, a coordinator all', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(30);
    const read = async (headers: Record<string, string>) =>
      (await callService(bed.url, 'GET', `/api/v1/sessions/${sessionId}`, headers)).status;
    expect(await read(await bearer('patient', booked.patientId))).toBe(200);
    expect(await read(await bearer('patient', randomUUID()))).toBe(403);
    expect(await read(await bearer('provider', booked.providerId))).toBe(200);
    expect(await read(await bearer('provider', randomUUID()))).toBe(403);
    expect(await read(await bearer('coordinator', randomUUID()))).toBe(200);
    expect(await read(await bearer('analyst', randomUUID()))).toBe(403);
    expect(await read(await bearer('auditor', randomUUID()))).toBe(403);
    expect(await read({})).toBe(401);
    const patient = await bearer('patient', booked.patientId);
    expect(
      (await callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/admit`, patient)).status,
    ).toBe(403);
    expect((await callService(bed.url, 'GET', '/api/v1/platform/status', patient)).status).toBe(
      403,
    );
    expect(
      (
        await callService(
          bed.url,
          'GET',
          `/api/v1/providers/${booked.providerId}/waiting-room`,
          patient,
        )
      ).status,
    ).toBe(403);
    const list = async (path: string, headers: Record<string, string>) =>
      callService(bed.url, 'GET', path, headers);
    const own = await list(
      `/api/v1/patients/${booked.patientId}/sessions`,
      await bearer('patient', booked.patientId),
    );
    expect(own).toMatchObject({ status: 200, body: [{ sessionId }] });
    expect(
      (
        await list(
          `/api/v1/patients/${booked.patientId}/sessions`,
          await bearer('patient', randomUUID()),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await list(
          `/api/v1/patients/${booked.patientId}/sessions`,
          await bearer('provider', randomUUID()),
        )
      ).body,
    ).toEqual([]);
    expect(
      (
        await list(
          `/api/v1/providers/${booked.providerId}/sessions`,
          await bearer('provider', randomUUID()),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await list(
          `/api/v1/providers/${booked.providerId}/sessions`,
          await bearer('provider', booked.providerId),
        )
      ).body,
    ).toMatchObject([{ sessionId }]);
    // A transfer hands the session to the new provider, and the previous one loses it.
    const newProvider = randomUUID();
    await qualifyProvider(bed.app, newProvider);
    const handed = await callService(
      bed.url,
      'POST',
      `/api/v1/sessions/${sessionId}/transfer`,
      await bearer('provider', booked.providerId),
      { providerId: newProvider },
    );
    expect(handed).toMatchObject({ status: 200, body: { providerId: newProvider } });
    expect(await read(await bearer('provider', booked.providerId))).toBe(403);
    expect(await read(await bearer('provider', newProvider))).toBe(200);
    // Every successful read of this patient's session was recorded.
    const accesses = await bed.store.load(`phi-access-${booked.patientId}`);
    expect(accesses.map((e) => (e.data as { role: string }).role).sort()).toEqual([
      'coordinator',
      'patient',
      'patient',
      'provider',
      'provider',
      'provider',
      'provider',
    ]);
  });

  it('declares who may call every route, and documents them in OpenAPI', async () => {
    const routes = walkRoutes(bed.app);
    expect(routes.filter((r) => !r.policy).map((r) => r.route)).toEqual([]);
    const publicRoutes = routes.filter((r) => r.policy?.kind === 'public').map((r) => r.route);
    expect(publicRoutes).toEqual(
      expect.arrayContaining([expect.stringContaining('POST /api/v1/join')]),
    );
    // Without a bearer token, only the join link's own routes: the exchange and the visit page.
    const joinLinkRoute = (r: string) => / \/api\/v1\/(join|visit)(\/| |$)/.test(r);
    expect(publicRoutes.filter((r) => r.includes('/api/') && !joinLinkRoute(r))).toEqual([]);
    const docs = await callService(bed.url, 'GET', '/docs-json', {});
    const paths = Object.keys((docs.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/sessions/{sessionId}/links',
        '/api/v1/join',
        '/api/v1/sessions/{sessionId}/start',
        '/api/v1/providers/{providerId}/waiting-room',
        '/api/v1/issues/open',
        '/api/v1/platform/status',
        '/fhir/Encounter/{sessionId}',
      ]),
    );
  });
});
