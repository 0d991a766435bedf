import { bearer, hostileBodies, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import {
  call,
  expectHostileBodiesRefused,
  postAsTrainer,
  useTrainingApp,
} from '../../testing/training-test-app';

describe('recording attempts at modules', () => {
  const training = useTrainingApp(new TestNamespace('training-completion'), () =>
    bearer('trainer', randomUUID()),
  );
  const teamId = randomUUID();
  const enrol = (staffId: string, role: string) =>
    postAsTrainer(training, `/staff/${staffId}/enrolment`, {
      role,
      teamId,
    });
  const complete = (staffId: string, moduleId: string, scorePercent: number) =>
    postAsTrainer(training, `/staff/${staffId}/completions`, {
      moduleId,
      scorePercent,
      completedAt: training.clock.now().toISOString(),
      evidenceRef: 'lms://attempts/1',
    });

  it('credentials a provider once every module the role needs is passed, and shows it to them', async () => {
    const providerId = randomUUID();
    await enrol(providerId, 'provider');
    const failed = await complete(providerId, training.modules.hipaa, 60);
    expect(failed.status).toBe(201);
    expect(failed.body.certifications).toEqual([]);
    for (const moduleId of Object.values(training.modules))
      await complete(providerId, moduleId, 90);

    const me = await call(
      training.url,
      'GET',
      '/api/v1/training/me',
      await bearer('provider', providerId),
    );
    expect(me.status).toBe(200);
    expect(me.body.credential.status).toBe('current');
    expect(me.body.certifications.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'hipaa',
      'platform-use',
    ]);
    expect(me.body.assignments.every((a: { status: string }) => a.status === 'completed')).toBe(
      true,
    );
  });

  it('refuses a fourth failed attempt (409) until a trainer assigns the module again', async () => {
    const staffId = randomUUID();
    await enrol(staffId, 'interpreter');
    for (let i = 0; i < 3; i++) await complete(staffId, training.modules.troubleshooting, 10);
    expect(await complete(staffId, training.modules.troubleshooting, 95)).toMatchObject({
      status: 409,
      body: { detail: expect.stringContaining('no attempts left on TROUBLESHOOTING') },
    });
  });

  it('refuses a module that is not in the catalog (422, naming the field)', async () => {
    const staffId = randomUUID();
    await enrol(staffId, 'provider');
    const response = await complete(staffId, randomUUID(), 90);
    expect(response.status).toBe(422);
    expect(response.body.detail).toContain('moduleId');
  });

  it('answers every hostile body with 400 problem+json and stores no event', async () => {
    const staffId = randomUUID();
    await enrol(staffId, 'provider');
    await expectHostileBodiesRefused(
      training,
      () => `/api/v1/training/staff/${staffId}/completions`,
      hostileBodies({
        moduleId: training.modules.hipaa,
        scorePercent: 90,
        completedAt: '2031-03-01T07:00:00Z',
        evidenceRef: 'lms://attempts/9',
      }),
    );
  });
});
