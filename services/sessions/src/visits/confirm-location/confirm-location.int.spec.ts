import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { sessionStreamId } from '../domain/session.events';
import { useSessionsApp } from '../testing/sessions-testbed';

describe('confirm where the patient is for the visit', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-confirm-location'));
  const confirm = (sessionId: string, headers: Record<string, string>, body: object) =>
    callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/patient-location`, headers, body);
  const stored = async (sessionId: string) =>
    (await bed.store.load(sessionStreamId(sessionId))).map((e) => e.type);

  it('records the state the patient confirms for themselves, and answers it with its time', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(60);
    const confirmed = await confirm(sessionId, await bearer('patient', booked.patientId), {
      state: 'NJ',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ sessionId, state: 'NJ', confirmedAt: expect.any(String) });
    expect(await stored(sessionId)).toContain('thc.sessions.PatientLocationConfirmed.v1');
  });

  it("lets a coordinator confirm on the patient's behalf", async () => {
    const { sessionId } = await bed.kit.bookedSession(60);
    const confirmed = await confirm(sessionId, await bearer('coordinator', randomUUID()), {
      state: 'NY',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ state: 'NY' });
  });

  it.each([
    [{ state: 'New Jersey' }, 'state'],
    [{ state: 'nj' }, 'state'],
    [{}, 'state'],
  ])('refuses %j with a problem naming the field, recording nothing', async (body, field) => {
    const { booked, sessionId } = await bed.kit.bookedSession(60);
    const before = await stored(sessionId);
    const refused = await confirm(sessionId, await bearer('patient', booked.patientId), body);
    expect(refused.status).toBe(400);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.text).toContain(field);
    expect(await stored(sessionId)).toEqual(before);
  });

  it("refuses another patient's session, recording nothing", async () => {
    const { sessionId } = await bed.kit.bookedSession(60);
    const before = await stored(sessionId);
    const refused = await confirm(sessionId, await bearer('patient', randomUUID()), {
      state: 'NJ',
    });
    expect(refused.status).toBe(403);
    expect(await stored(sessionId)).toEqual(before);
  });
});
