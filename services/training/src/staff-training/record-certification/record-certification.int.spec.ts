import { bearer, hostileBodies, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import {
  expectHostileBodiesRefused,
  postAsTrainer,
  useTrainingApp,
} from '../../testing/training-test-app';

const CTC = {
  kind: 'ctc',
  issuer: 'Telehealth Certification Institute',
  issuedAt: '2030-11-01T00:00:00Z',
  expiresAt: '2032-11-01T00:00:00Z',
  evidenceRef: 'https://certificates.example.org/ctc/1',
};

describe('recording a certification earned elsewhere', () => {
  const training = useTrainingApp(new TestNamespace('training-certification'), () =>
    bearer('trainer', randomUUID()),
  );
  const coordinatorId = randomUUID();
  const record = (body: Record<string, unknown>) =>
    postAsTrainer(training, `/staff/${coordinatorId}/certifications`, body);

  beforeAll(async () => {
    await postAsTrainer(training, `/staff/${coordinatorId}/enrolment`, {
      role: 'coordinator',
      teamId: randomUUID(),
    });
    for (const moduleId of Object.values(training.modules))
      await postAsTrainer(training, `/staff/${coordinatorId}/completions`, {
        moduleId,
        scorePercent: 100,
        completedAt: training.clock.now().toISOString(),
      });
  });

  it('refuses one that has already expired (422), leaving the credential as it was', async () => {
    const expired = await record({ ...CTC, expiresAt: '2031-01-01T00:00:00Z' });
    expect(expired).toMatchObject({
      status: 422,
      body: { detail: 'the certification has already expired' },
    });
  });

  it("keeps its issuer, and completes a coordinator's credential with the modules passed", async () => {
    const recorded = await record(CTC);
    expect(recorded.status).toBe(201);
    expect(recorded.body.credential).toMatchObject({ status: 'current' });
    expect(
      recorded.body.certifications.find((c: { kind: string }) => c.kind === 'ctc'),
    ).toMatchObject({
      issuer: 'Telehealth Certification Institute',
      source: 'external',
      expiresAt: '2032-11-01T00:00:00.000Z',
    });
  });

  it('answers every hostile body with 400 problem+json and stores no event', () =>
    expectHostileBodiesRefused(
      training,
      () => `/api/v1/training/staff/${coordinatorId}/certifications`,
      hostileBodies(CTC),
    ));
});
