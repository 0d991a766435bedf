import { bearer, eventually, TestNamespace, callService as call } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import {
  PlatformEventInput,
  publishIntoTrail,
  useComplianceApp,
} from '../../testing/compliance-test-app';

describe('the list of violation alerts', () => {
  const ns = new TestNamespace('list-violations');
  const under = useComplianceApp(ns, {
    AUDIT_BURST_THRESHOLD: '5',
    AUDIT_BURST_WINDOW_SECONDS: '300',
  });

  /** A coordinator's read of one patient's appointment, at 12:0m on 10 March 2026. */
  const read = (actorId: string, minute: number): PlatformEventInput => ({
    type: 'thc.compliance.PhiAccessed.v1',
    data: {
      accessId: randomUUID(),
      actorId,
      role: 'coordinator',
      patientId: randomUUID(),
      resource: 'Appointment',
      action: 'read',
      purpose: 'operations',
      service: 'scheduling',
      at: `2026-03-10T12:0${minute}:00Z`,
    },
  });

  it('auditors list the alerts by rule; other roles may not', async () => {
    // A burst: five reads of different patients by one coordinator within one window.
    const busy = randomUUID();
    await publishIntoTrail(
      under,
      ns,
      [0, 1, 2, 3, 4].map((minute) => read(busy, minute)),
      eventually,
    );
    const auditor = await bearer('auditor', randomUUID());
    const list = () => call(under.url, 'GET', '/api/v1/audit/violations?rule=bulk-access', auditor);
    await eventually(async () =>
      expect((await list()).body).toMatchObject({
        items: expect.arrayContaining([expect.objectContaining({ actorId: busy })]),
      }),
    );
    const listed = await list();
    expect(listed.status).toBe(200);
    const items = (listed.body as { items: { rule: string; status: string }[] }).items;
    expect(items.every((v) => v.rule === 'bulk-access' && v.status === 'open')).toBe(true);
    const coordinator = await bearer('coordinator', randomUUID());
    expect((await call(under.url, 'GET', '/api/v1/audit/violations', coordinator)).status).toBe(
      403,
    );
    const injected = await call(under.url, 'GET', '/api/v1/audit/violations?rule[$ne]=1', auditor);
    expect(injected.status).toBe(400);
  });
});
