import { bearer, hostileBodies, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import {
  call,
  expectHostileBodiesRefused,
  postAsTrainer,
  useTrainingApp,
} from '../../testing/training-test-app';

interface AssignmentView {
  readonly moduleId: string;
  readonly moduleVersion: number;
  readonly reason: string;
  readonly status: string;
}

describe('the catalog: versions, retraining, and new modules reach the staff they concern', () => {
  const training = useTrainingApp(new TestNamespace('training-catalog'), () =>
    bearer('trainer', randomUUID()),
  );

  const assignmentsOf = async (staffId: string): Promise<AssignmentView[]> =>
    (await call(training.url, 'GET', `/api/v1/training/staff/${staffId}`, training.trainer)).body
      .assignments;

  it('a version that requires retraining is assigned again to those who passed, not to those still on it', async () => {
    const passedId = randomUUID();
    const pendingId = randomUUID();
    for (const staffId of [passedId, pendingId])
      await postAsTrainer(training, `/staff/${staffId}/enrolment`, {
        role: 'support-specialist',
        teamId: randomUUID(),
      });
    await postAsTrainer(training, `/staff/${passedId}/completions`, {
      moduleId: training.modules.hipaa,
      scorePercent: 100,
      completedAt: training.clock.now().toISOString(),
    });

    const published = await postAsTrainer(training, `/modules/${training.modules.hipaa}/versions`, {
      passMarkPercent: 85,
      requiresRetraining: true,
    });
    expect(published).toMatchObject({ status: 201, body: { version: 2, passMarkPercent: 85 } });

    const retraining = (await assignmentsOf(passedId)).filter(
      (a) => a.moduleId === training.modules.hipaa && a.status === 'open',
    );
    expect(retraining).toEqual([
      expect.objectContaining({ moduleVersion: 2, reason: 'retraining' }),
    ]);
    expect(
      (await assignmentsOf(pendingId)).filter((a) => a.moduleId === training.modules.hipaa),
    ).toEqual([
      expect.objectContaining({ moduleVersion: 1, reason: 'role-requirement', status: 'open' }),
    ]);

    const catalog = await call(
      training.url,
      'GET',
      '/api/v1/training/modules',
      await bearer('provider'),
    );
    expect(catalog.body).toContainEqual(
      expect.objectContaining({ moduleId: training.modules.hipaa, version: 2 }),
    );
  });

  it('a new module is assigned to enrolled staff whose role needs its topic', async () => {
    const staffId = randomUUID();
    await postAsTrainer(training, `/staff/${staffId}/enrolment`, {
      role: 'interpreter',
      teamId: randomUUID(),
    });
    const created = await postAsTrainer(training, '/modules', {
      moduleCode: 'EMERGENCY-PROTOCOL-2031',
      topic: 'emergency-protocol',
      title: 'Emergency protocol during a virtual visit (2031)',
      passMarkPercent: 90,
      maxAttempts: 2,
    });
    expect(created.status).toBe(201);
    expect(await assignmentsOf(staffId)).toContainEqual(
      expect.objectContaining({ moduleId: created.body.moduleId, reason: 'role-requirement' }),
    );
  });

  it('refuses a version of a module that does not exist (409)', async () => {
    const response = await postAsTrainer(training, `/modules/${randomUUID()}/versions`, {
      requiresRetraining: false,
    });
    expect(response.status).toBe(409);
  });

  it('documents every training route in OpenAPI', async () => {
    const docs = await call(training.url, 'GET', '/docs-json', {});
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/training/modules',
        '/api/v1/training/staff/{staffId}/enrolment',
        '/api/v1/training/staff/{staffId}/completions',
        '/api/v1/training/teams/{teamId}/compliance',
        '/api/v1/training/me',
      ]),
    );
  });

  it('answers every hostile body with 400 problem+json and creates no module', () =>
    expectHostileBodiesRefused(
      training,
      () => '/api/v1/training/modules',
      hostileBodies({
        moduleCode: 'HOSTILE-CHECK',
        topic: 'hipaa',
        title: 'A module that must never be created',
        passMarkPercent: 80,
        maxAttempts: 3,
      }),
    ));

  it('refuses a provider (403)', async () =>
    expect(
      (await call(training.url, 'POST', '/api/v1/training/modules', await bearer('provider'), {}))
        .status,
    ).toBe(403));
});
