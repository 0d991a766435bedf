import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sessionIdOf } from '../domain/session-id';
import { SessionViews } from '../infrastructure/session-views.projection';
import { booking, BOOKED, RESCHEDULED } from '../testing/scheduling-events';
import { within } from '../testing/sessions-test-kit';
import { useSessionsApp } from '../testing/sessions-testbed';

const ASSIGNED = 'thc.scheduling.InterpreterAssigned.v1';
const CHANGED = 'thc.sessions.SessionInterpreterChanged.v1';

/** The visit's interpreter follows the appointment's: drawn on demand, or switched by a move. */
describe("a session's interpreter, from scheduling events on Kafka", () => {
  const bed = useSessionsApp(new TestNamespace('sessions-interpreter'), {
    env: {
      SESSIONS_LINK_SIGNING_KEY: randomBytes(32).toString('base64'),
      SESSIONS_VIDEO_SIGNING_KEY: randomBytes(32).toString('base64'),
    },
  });
  let views: SessionViews;
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    views = bed.app.get(SessionViews);
    coordinator = await bearer('coordinator', randomUUID());
  });

  const issue = (sessionId: string, participantId: string) =>
    callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/links`, coordinator, {
      participantId,
    });
  const join = (link: { body: unknown }) =>
    callService(
      bed.url,
      'POST',
      '/api/v1/join',
      { 'accept-language': 'en' },
      {
        token: (link.body as { url: string }).url.split('#')[1] ?? '',
      },
    );
  const interpreterIn = async (sessionId: string) =>
    (await views.find(sessionId))?.participants.find((p) => p.role === 'interpreter')
      ?.participantId;
  const changes = async (sessionId: string) =>
    (await bed.store.load(`session-${sessionId}`)).filter((e) => e.type === CHANGED);

  it('adds an interpreter drawn on demand, once, so a link can be issued for them', async () => {
    const booked = booking(new Date(Date.now() + 10 * 60_000));
    const sessionId = sessionIdOf(booked.appointmentId);
    await bed.kit.scheduling(BOOKED, booked);
    await eventually(async () => expect(await views.find(sessionId)).not.toBeNull(), within);
    expect((await issue(sessionId, randomUUID())).status).toBe(422);

    const interpreterId = randomUUID();
    const assigned = {
      appointmentId: booked.appointmentId,
      interpreterId,
      start: booked.start,
      end: booked.end,
      assignedAt: new Date().toISOString(),
      assignedBy: { kind: 'user', userId: booked.providerId, role: 'provider' },
    };
    const id = await bed.kit.scheduling(ASSIGNED, assigned);
    await bed.kit.scheduling(ASSIGNED, assigned, id); // redelivery
    await bed.kit.scheduling(ASSIGNED, assigned); // a duplicate under a new event id
    await eventually(
      async () => expect(await interpreterIn(sessionId)).toBe(interpreterId),
      within,
    );
    await sleep(1500);
    expect(await changes(sessionId)).toHaveLength(1);

    const link = await issue(sessionId, interpreterId);
    expect(link.status).toBe(201);
    expect(await join(link)).toMatchObject({ status: 200, body: { role: 'interpreter' } });
  });

  it("replaces the interpreter a move switched, and the old interpreter's link stops working", async () => {
    const before = randomUUID();
    const after = randomUUID();
    const booked = booking(new Date(Date.now() + 20 * 60_000));
    const withInterpreter = {
      ...booked,
      participants: [...booked.participants, { participantId: before, role: 'interpreter' }],
    };
    const sessionId = sessionIdOf(booked.appointmentId);
    await bed.kit.scheduling(BOOKED, withInterpreter);
    await eventually(async () => expect(await interpreterIn(sessionId)).toBe(before), within);
    const oldLink = await issue(sessionId, before);
    expect(oldLink.status).toBe(201);

    const start = new Date(Date.now() + 25 * 60_000);
    const moved = {
      appointmentId: booked.appointmentId,
      providerId: booked.providerId,
      previousStart: booked.start,
      previousEnd: booked.end,
      start: start.toISOString(),
      end: new Date(start.getTime() + 30 * 60_000).toISOString(),
      timeZone: 'America/New_York',
      interpreterId: after,
      rescheduledAt: new Date().toISOString(),
      rescheduledBy: { kind: 'user', userId: booked.patientId, role: 'patient' },
    };
    const id = await bed.kit.scheduling(RESCHEDULED, moved);
    await bed.kit.scheduling(RESCHEDULED, moved, id); // redelivery
    await eventually(async () => expect(await interpreterIn(sessionId)).toBe(after), within);
    await sleep(1500);
    const [change, ...more] = await changes(sessionId);
    expect(more).toEqual([]);
    expect(change?.data).toMatchObject({ interpreterId: after, previousInterpreterId: before });
    const revoked = (await bed.store.load(`session-${sessionId}`)).filter(
      (e) => e.type === 'thc.sessions.JoinLinkRevoked.v1',
    );
    expect(revoked.map((e) => (e.data as { participantId: string }).participantId)).toEqual([
      before,
    ]);
    expect((await join(oldLink)).status).toBe(410);
    expect((await issue(sessionId, before)).status).toBe(422);
    expect((await issue(sessionId, after)).status).toBe(201);
  });
});
