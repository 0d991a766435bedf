import { bearer, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { call, useTrainingApp } from '../../testing/training-test-app';

describe('revoking a certification', () => {
  const training = useTrainingApp(new TestNamespace('training-revocation'), () =>
    bearer('trainer', randomUUID()),
  );
  const staffId = randomUUID();
  const staffPath = `/api/v1/training/staff/${staffId}`;
  const revoke = (certificationId: string, reason = 'evidence-invalid') =>
    call(
      training.url,
      'POST',
      `${staffPath}/certifications/${certificationId}/revocation`,
      training.trainer,
      { reason },
    );
  let hipaa: string;

  beforeAll(async () => {
    await call(training.url, 'POST', `${staffPath}/enrolment`, training.trainer, {
      role: 'provider',
      teamId: randomUUID(),
    });
    let record;
    for (const moduleId of Object.values(training.modules))
      record = await call(training.url, 'POST', `${staffPath}/completions`, training.trainer, {
        moduleId,
        scorePercent: 95,
        completedAt: training.clock.now().toISOString(),
      });
    expect(record?.body.credential.status).toBe('current');
    hipaa = record?.body.certifications.find(
      (c: { kind: string }) => c.kind === 'hipaa',
    ).certificationId;
  });

  it('lapses the credential resting on it at once', async () => {
    const revoked = await revoke(hipaa);
    expect(revoked.status).toBe(200);
    expect(revoked.body.credential).toEqual({ status: 'lapsed' });
    expect(revoked.body.certifications).toContainEqual(
      expect.objectContaining({ certificationId: hipaa, status: 'revoked' }),
    );
  });

  it('refuses a second revocation, or a certification the record does not hold (409)', async () => {
    expect(await revoke(hipaa)).toMatchObject({
      status: 409,
      body: { detail: 'the certification is already revoked' },
    });
    expect((await revoke(randomUUID())).status).toBe(409);
  });

  it('refuses a reason it does not know (400, naming the field)', async () => {
    const response = await revoke(hipaa, 'dislike');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('reason');
  });
});
