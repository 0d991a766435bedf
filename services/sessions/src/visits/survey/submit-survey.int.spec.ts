import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { sessionStreamId } from '../domain/session.events';
import { useSessionsApp } from '../testing/sessions-testbed';
import { visitInProgress } from '../testing/visit-in-progress';

const SUBMITTED = 'thc.sessions.SurveySubmitted.v1';
const ANSWERS = { overall: 5, wouldRecommend: 10, technicalQuality: 4, comment: 'Clear, on time' };

describe('answer the post-visit survey', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-survey'), { phi: true });
  const submit = (sessionId: string, headers: Record<string, string>, body: object = ANSWERS) =>
    callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/survey`, headers, body);
  const surveys = async (sessionId: string) =>
    (await bed.store.load(sessionStreamId(sessionId))).filter((e) => e.type === SUBMITTED);

  it("records the patient's answers once the visit took place, the comment sealed, and refuses a second response", async () => {
    const visit = await visitInProgress(bed.kit, bed.url, bearer);
    const s = `/api/v1/sessions/${visit.sessionId}`;
    expect((await visit.post(`${s}/end`, visit.provider, { outcome: 'completed' })).status).toBe(
      200,
    );

    const answered = await submit(visit.sessionId, visit.patient);
    expect(answered).toMatchObject({ status: 201, body: { surveyId: expect.any(String) } });
    const [stored, ...more] = await surveys(visit.sessionId);
    expect(more).toEqual([]);
    expect(stored?.data).toMatchObject({
      surveyId: (answered.body as { surveyId: string }).surveyId,
      satisfaction: 5,
      nps: 10,
      audioVideoQuality: 4,
      comment: { alg: 'AES-256-GCM' },
    });
    expect(JSON.stringify(stored)).not.toContain('on time');

    expect((await submit(visit.sessionId, visit.patient)).status).toBe(409);
    expect(await surveys(visit.sessionId)).toHaveLength(1);
  });

  it("refuses a visit that has not taken place (422) and another patient's visit (403), recording nothing", async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(30);
    const early = await submit(sessionId, await bearer('patient', booked.patientId));
    expect(early.status).toBe(422);
    expect(early.type).toContain('application/problem+json');
    expect((await submit(sessionId, await bearer('patient', randomUUID()))).status).toBe(403);
    expect(await surveys(sessionId)).toEqual([]);
  });

  it.each([
    [{ ...ANSWERS, overall: 6 }, 'overall'],
    [{ ...ANSWERS, wouldRecommend: 11 }, 'wouldRecommend'],
    [{ ...ANSWERS, technicalQuality: 0 }, 'technicalQuality'],
  ])('refuses %j with a problem naming %s', async (body, field) => {
    const { booked, sessionId } = await bed.kit.bookedSession(30);
    const refused = await submit(sessionId, await bearer('patient', booked.patientId), body);
    expect(refused).toMatchObject({
      status: 400,
      body: { 'invalid-params': [expect.objectContaining({ name: field })] },
    });
    expect(await surveys(sessionId)).toEqual([]);
  });
});
