import { bearer, hostileBodies, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import {
  expectHostileBodiesRefused,
  postAsTrainer,
  useTrainingApp,
} from '../../testing/training-test-app';

describe('assigning a module by hand', () => {
  const training = useTrainingApp(new TestNamespace('training-assign'), () =>
    bearer('trainer', randomUUID()),
  );
  const staffId = randomUUID();
  const assign = (moduleId: string, dueAt = '2031-04-01T00:00:00Z') =>
    postAsTrainer(training, `/staff/${staffId}/assignments`, {
      moduleId,
      dueAt,
      reason: 'renewal',
    });

  beforeAll(async () => {
    await postAsTrainer(training, `/staff/${staffId}/enrolment`, {
      role: 'provider',
      teamId: randomUUID(),
    });
    await postAsTrainer(training, `/staff/${staffId}/completions`, {
      moduleId: training.modules.hipaa,
      scorePercent: 100,
      completedAt: training.clock.now().toISOString(),
    });
  });

  it('refuses a module not in the catalog, or a due date already past (422)', async () => {
    expect((await assign(randomUUID())).status).toBe(422);
    expect((await assign(training.modules.hipaa, '2031-02-01T00:00:00Z')).status).toBe(422);
  });

  it('assigns a passed module again at its current version, due at the date given', async () => {
    const assigned = await assign(training.modules.hipaa);
    expect(assigned.status).toBe(201);
    expect(
      assigned.body.assignments.filter(
        (a: { moduleId: string }) => a.moduleId === training.modules.hipaa,
      ),
    ).toEqual([
      expect.objectContaining({ reason: 'role-requirement', status: 'completed' }),
      expect.objectContaining({
        reason: 'renewal',
        status: 'open',
        moduleVersion: 1,
        dueAt: '2031-04-01T00:00:00.000Z',
      }),
    ]);
  });

  it('refuses a module already assigned and not yet passed (409)', async () =>
    expect(await assign(training.modules.troubleshooting)).toMatchObject({
      status: 409,
      body: { detail: 'TROUBLESHOOTING is already assigned and not yet passed' },
    }));

  it('answers every hostile body with 400 problem+json and stores no event', () =>
    expectHostileBodiesRefused(
      training,
      () => `/api/v1/training/staff/${staffId}/assignments`,
      hostileBodies({
        moduleId: training.modules.troubleshooting,
        dueAt: '2031-04-01T00:00:00Z',
        reason: 'manual',
      }),
    ));
});
