import { decidePatientAccess } from './patient-access.policy';
import { Principal } from './principal';
import { Role } from './roles';

const as = (role: Role, subject = 'someone'): Principal => ({ subject, roles: [role] });

describe('who may reach a patient record', () => {
  test.each<[string, Principal, boolean, boolean]>([
    ['the patient themself', as('patient', 'p-1'), false, true],
    ['another patient', as('patient', 'p-2'), false, false],
    ['a provider with an appointment', as('provider'), true, true],
    ['a provider without one', as('provider'), false, false],
    ['a coordinator', as('coordinator'), false, true],
    ['an admin', as('admin'), false, true],
    ['an analyst, even with a relationship flag', as('analyst'), true, false],
    ['an auditor', as('auditor'), false, false],
    ['a trainer', as('trainer'), false, false],
  ])('%s', (_, principal, relationship, allowed) => {
    expect(decidePatientAccess(principal, 'p-1', relationship).allowed).toBe(allowed);
  });

  it('says why it refuses', () => {
    expect(decidePatientAccess(as('provider'), 'p-1', false)).toEqual({
      allowed: false,
      reason: 'provider has no appointment with this patient',
    });
  });
});
