import { bearer, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { call, postAsTrainer, useTrainingApp } from '../../testing/training-test-app';

describe('reading training records and team compliance', () => {
  const training = useTrainingApp(new TestNamespace('training-read-status'), () =>
    bearer('trainer', randomUUID()),
  );
  const teamId = randomUUID();
  const [staffId, colleagueId] = [randomUUID(), randomUUID()];
  const read = async (path: string, role: 'provider' | 'analyst' | 'patient', subject = staffId) =>
    call(training.url, 'GET', `/api/v1/training${path}`, await bearer(role, subject));

  beforeAll(async () => {
    for (const id of [staffId, colleagueId])
      await postAsTrainer(training, `/staff/${id}/enrolment`, {
        role: 'provider',
        teamId,
      });
  });

  it('lets staff read their own record, as `me` and by id, but not a colleague’s (403)', async () => {
    const me = await read('/me', 'provider');
    expect(me).toMatchObject({
      status: 200,
      body: { staffId, teamId, credential: { status: 'none' } },
    });
    expect((await read(`/staff/${staffId}`, 'provider')).body).toEqual(me.body);
    expect((await read(`/staff/${colleagueId}`, 'provider')).status).toBe(403);
  });

  it('answers 404 to a caller who is not enrolled', async () =>
    expect((await read('/me', 'provider', randomUUID())).status).toBe(404));

  it("shows a trainer the team's members with their open assignments", async () => {
    const team = await call(
      training.url,
      'GET',
      `/api/v1/training/teams/${teamId}/compliance`,
      training.trainer,
    );
    expect(team.body).toMatchObject({ teamId, staff: 2, credentialed: 0, compliancePercent: 0 });
    expect(team.body.members).toContainEqual(
      expect.objectContaining({ staffId, current: false, openAssignments: 5 }),
    );
  });

  it('refuses without a token (401), and with a role that may not act (403)', async () => {
    expect((await call(training.url, 'GET', '/api/v1/training/me', {})).status).toBe(401);
    expect((await read(`/teams/${teamId}/compliance`, 'analyst')).status).toBe(403);
    const asPatient = await call(
      training.url,
      'POST',
      `/api/v1/training/staff/${randomUUID()}/enrolment`,
      await bearer('patient', staffId),
      { role: 'provider', teamId },
    );
    expect(asPatient.status).toBe(403);
  });
});
