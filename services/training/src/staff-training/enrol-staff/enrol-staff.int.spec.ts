import { bearer, hostileBodies, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import {
  call,
  expectHostileBodiesRefused,
  postAsTrainer,
  useTrainingApp,
} from '../../testing/training-test-app';

describe('enrolling a staff member in a role', () => {
  const training = useTrainingApp(new TestNamespace('training-enrol'), () =>
    bearer('trainer', randomUUID()),
  );
  const teamId = randomUUID();
  const enrol = (staffId: string, body: Record<string, unknown>) =>
    postAsTrainer(training, `/staff/${staffId}/enrolment`, body);

  it('assigns every catalog module the role needs, due at the date given, with no credential yet', async () => {
    const staffId = randomUUID();
    const enrolled = await enrol(staffId, {
      role: 'provider',
      teamId,
      dueAt: '2031-04-01T00:00:00Z',
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({
      staffId,
      role: 'provider',
      teamId,
      credential: { status: 'none' },
    });
    expect(enrolled.body.assignments.map((a: { moduleId: string }) => a.moduleId).sort()).toEqual(
      Object.values(training.modules).sort(),
    );
    expect(
      enrolled.body.assignments.every(
        (a: { dueAt: string; reason: string; status: string }) =>
          a.dueAt === '2031-04-01T00:00:00.000Z' &&
          a.reason === 'role-requirement' &&
          a.status === 'open',
      ),
    ).toBe(true);
  });

  it('refuses to enrol the same staff member twice (409), leaving the first enrolment', async () => {
    const staffId = randomUUID();
    expect((await enrol(staffId, { role: 'interpreter', teamId })).status).toBe(201);
    expect(await enrol(staffId, { role: 'provider', teamId })).toMatchObject({
      status: 409,
      body: { detail: 'the staff member is already enrolled' },
    });
    const record = await call(
      training.url,
      'GET',
      `/api/v1/training/staff/${staffId}`,
      training.trainer,
    );
    expect(record.body.role).toBe('interpreter');
  });

  it('refuses a due date that is not in the future (422)', async () =>
    expect(
      (await enrol(randomUUID(), { role: 'provider', teamId, dueAt: '2031-02-01T00:00:00Z' }))
        .status,
    ).toBe(422));

  it('names the field it refuses', async () => {
    const response = await enrol(randomUUID(), { role: 'surgeon', teamId });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('role');
  });

  it('answers every hostile body with 400 problem+json and stores no event', () =>
    expectHostileBodiesRefused(
      training,
      () => `/api/v1/training/staff/${randomUUID()}/enrolment`,
      hostileBodies({ role: 'provider', teamId, dueAt: '2031-04-01T00:00:00Z' }),
    ));
});
