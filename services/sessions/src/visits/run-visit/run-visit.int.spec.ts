import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { sessionStreamId } from '../domain/session.events';
import { useSessionsApp } from '../testing/sessions-testbed';
import { visitInProgress } from '../testing/visit-in-progress';

describe('run a visit: start, admit, transfer, end', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-run-visit'));
  const post = (path: string, headers: Record<string, string>, body?: object) =>
    callService(bed.url, 'POST', path, headers, body);
  const storedTypes = async (sessionId: string) =>
    (await bed.store.load(sessionStreamId(sessionId))).map((e) => e.type);

  it('refuses to start without consent on record, and records the refusal', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(5);
    const provider = await bearer('provider', booked.providerId);
    const refused = await post(`/api/v1/sessions/${sessionId}/start`, provider);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('no telehealth consent on record');
    expect(await storedTypes(sessionId)).toContain('thc.sessions.SessionStartRefused.v1');
  });

  it('ends a visit in progress with its outcome, and refuses ending it twice', async () => {
    const { sessionId, provider } = await visitInProgress(bed.kit, bed.url, bearer);
    const s = `/api/v1/sessions/${sessionId}`;
    const ended = await post(`${s}/end`, provider, { outcome: 'completed' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ sessionId, status: 'ended' });
    const before = await storedTypes(sessionId);
    expect((await post(`${s}/end`, provider, { outcome: 'completed' })).status).toBe(409);
    expect(await storedTypes(sessionId)).toEqual(before);
  });

  it('refuses a transfer to a provider without a credential, recording nothing', async () => {
    const { sessionId, coordinator } = await visitInProgress(bed.kit, bed.url, bearer);
    const before = await storedTypes(sessionId);
    const refused = await post(`/api/v1/sessions/${sessionId}/transfer`, coordinator, {
      providerId: randomUUID(),
    });
    expect(refused.status).toBe(409);
    expect(await storedTypes(sessionId)).toEqual(before);
  });

  it.each([
    ['end', { outcome: 'finished-early-maybe' }, 'outcome'],
    ['transfer', { providerId: 'not-an-id' }, 'providerId'],
  ])('refuses %s with %j naming the field', async (action, body, field) => {
    const { booked, sessionId } = await bed.kit.bookedSession(60);
    const provider = await bearer('provider', booked.providerId);
    const refused = await post(`/api/v1/sessions/${sessionId}/${action}`, provider, body);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(field);
  });
});
