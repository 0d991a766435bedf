import { bearer, eventually, TestNamespace, callService as call } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useVisitStory } from './testing/visit-story';

describe('a visit in the audit trail', () => {
  const auditorId = randomUUID();
  const { under, ids, as, patientId } = useVisitStory(new TestNamespace('audit-reports'), {
    eventually,
    call,
    auditor: () => bearer('auditor', auditorId),
  });

  it.each([
    ['booked', 'C', 'Appointment', 'coordinator'],
    ['coordinatorRead', 'R', 'Appointment', 'coordinator'],
    ['created', 'C', 'Encounter', 'nobody (a service reacting)'],
    ['arrived', 'E', 'Encounter', 'nobody (a service reacting)'],
    ['providerRead', 'R', 'Appointment', 'provider'],
    ['admitted', 'E', 'Encounter', 'provider'],
    ['started', 'E', 'Encounter', 'provider'],
    ['ended', 'E', 'Encounter', 'provider'],
    ['completed', 'U', 'Appointment', 'nobody (a service reacting)'],
  ])(
    'the visit step %s is an audit entry: action %s on %s by %s, for the patient',
    async (name, action, resource, role) => {
      const entry = await under.trail.entries.findOne({ eventId: ids[name] });
      expect(entry).toMatchObject({
        action,
        patientId,
        resource: { type: resource },
        outcome: '0',
      });
      if (!role.startsWith('nobody'))
        expect(entry).toMatchObject({ actor: { kind: 'user', role } });
    },
  );

  it('the chain over the visit verifies', async () => {
    const verdict = await call(under.url, 'GET', '/api/v1/audit/verify', as.auditor);
    expect(verdict).toMatchObject({ status: 200, body: { intact: true } });
  });
});
