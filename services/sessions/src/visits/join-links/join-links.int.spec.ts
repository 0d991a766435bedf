import { bearer, callService, TestNamespace } from '@thc/testing';
import { decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import { advanceClock } from '../testing/sessions-test-app';
import { ROOM_TOKEN_AUDIENCE } from '../infrastructure/signed-room.video-platform';
import { useSessionsApp } from '../testing/sessions-testbed';

const linkKey = randomBytes(32);
const videoKey = randomBytes(32);

describe('signed join links', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-links'), {
    env: {
      SESSIONS_LINK_SIGNING_KEY: linkKey.toString('base64'),
      SESSIONS_VIDEO_SIGNING_KEY: videoKey.toString('base64'),
    },
  });
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    coordinator = await bearer('coordinator', randomUUID());
  });

  const issue = async (sessionId: string, participantId: string, headers = coordinator) =>
    callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/links`, headers, { participantId });
  const tokenOf = (link: { body: unknown }) =>
    (link.body as { url: string }).url.split('#')[1] ?? '';
  const join = (token: string, language = 'en') =>
    callService(bed.url, 'POST', '/api/v1/join', { 'accept-language': language }, { token });

  it('lets the provider in with a signed room URL, and the link itself carries no PHI', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(10);
    const link = await issue(sessionId, booked.providerId);
    expect(link.status).toBe(201);
    const token = tokenOf(link);
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    expect(Object.keys(decodeJwt(token)).sort()).toEqual([
      'aud',
      'exp',
      'iat',
      'iss',
      'jti',
      'nbf',
      'sid',
    ]);
    expect(link.body).toMatchObject({
      opensAt: new Date(Date.parse(booked.start) - 30 * 60_000).toISOString(),
      expiresAt: new Date(Date.parse(booked.start) + 120 * 60_000).toISOString(),
    });

    const joined = await join(token);
    expect(joined).toMatchObject({ status: 200, body: { status: 'in-visit', role: 'provider' } });
    const roomUrl = (joined.body as { room: { url: string } }).room.url;
    const roomToken = roomUrl.split('#token=')[1] ?? '';
    const { payload } = await jwtVerify(roomToken, videoKey, { audience: ROOM_TOKEN_AUDIENCE });
    expect(payload).toMatchObject({ room: sessionId, role: 'provider', sub: booked.providerId });
    expect((payload.exp ?? 0) * 1000).toBeGreaterThan(Date.now());
  });

  it('refuses forged, tampered, revoked, replaced, early and expired links with a reason a patient understands, and nothing is written', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(10);
    const first = tokenOf(await issue(sessionId, booked.patientId));
    const second = tokenOf(await issue(sessionId, booked.patientId)); // replaces the first

    const forged = await new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setJti(randomUUID())
      .setIssuer('thc-sessions')
      .setAudience('thc-join')
      .setExpirationTime('1h')
      .sign(randomBytes(32));
    const [head, , signature] = second.split('.');
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...decodeJwt(second), sid: randomUUID() })).toString('base64url')}.${signature}`;
    const before = await bed.store.model.countDocuments();

    expect(await join(forged)).toMatchObject({
      status: 403,
      type: expect.stringContaining('application/problem+json'),
      body: { detail: expect.stringContaining('This visit link is not valid') },
    });
    expect((await join(tampered)).status).toBe(403);
    expect(await join(first)).toMatchObject({
      status: 410,
      body: { detail: expect.stringContaining('was replaced or cancelled') },
    });
    expect(await join(first, 'es-US,es;q=0.9')).toMatchObject({
      status: 410,
      body: { detail: expect.stringContaining('fue reemplazado o cancelado') },
    });
    expect(await bed.store.model.countDocuments()).toBe(before);

    // A coordinator revokes the live link: it stops working before it expires.
    const linkId = decodeJwt(second).jti as string;
    const revoked = await callService(
      bed.url,
      'DELETE',
      `/api/v1/sessions/${sessionId}/links/${linkId}`,
      coordinator,
    );
    expect(revoked.status).toBe(204);
    expect(await join(second)).toMatchObject({
      status: 410,
      body: { detail: expect.stringContaining('replaced or cancelled') },
    });

    // A visit three hours ahead: the link opens 30 minutes before, and expires 2 hours after.
    const later = await bed.kit.bookedSession(180);
    const early = tokenOf(await issue(later.sessionId, later.booked.providerId));
    expect(await join(early)).toMatchObject({
      status: 403,
      body: { detail: expect.stringContaining('has not opened yet') },
    });
    advanceClock(180 * 60_000 + 121 * 60_000);
    try {
      expect(await join(early)).toMatchObject({
        status: 410,
        body: { detail: expect.stringContaining('has expired') },
      });
    } finally {
      advanceClock(-(180 * 60_000 + 121 * 60_000));
    }
  });

  it('lets a patient ask only for their own link', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(10);
    const patient = await bearer('patient', booked.patientId);
    expect((await issue(sessionId, booked.patientId, patient)).status).toBe(201);
    expect((await issue(sessionId, booked.providerId, patient)).status).toBe(403);
    const stranger = await bearer('patient', randomUUID());
    expect((await issue(sessionId, booked.patientId, stranger)).status).toBe(403);
    expect((await issue(randomUUID(), booked.patientId)).status).toBe(404);
  });
});
