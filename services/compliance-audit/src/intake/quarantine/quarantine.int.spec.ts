import { bearer, TestNamespace, callService as call } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useComplianceApp } from '../../testing/compliance-test-app';

describe('the quarantine of events the trail cannot read', () => {
  const under = useComplianceApp(new TestNamespace('audit-quarantine'));
  let auditor: Record<string, string>;

  beforeAll(async () => {
    auditor = await bearer('auditor', randomUUID());
  });

  it('lets only auditors and admins list the quarantine, and refuses a bad limit by name', async () => {
    const coordinator = await bearer('coordinator', randomUUID());
    expect((await call(under.url, 'GET', '/api/v1/audit/quarantine', coordinator)).status).toBe(
      403,
    );
    const bad = await call(under.url, 'GET', '/api/v1/audit/quarantine?limit=0', auditor);
    expect(bad).toMatchObject({
      status: 400,
      type: expect.stringContaining('application/problem+json'),
      body: { 'invalid-params': [expect.objectContaining({ name: 'limit' })] },
    });
  });
});
