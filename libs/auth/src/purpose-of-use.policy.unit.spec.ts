import { Principal } from './principal';
import {
  decidePurposeOfUse,
  grantingRole,
  PURPOSES,
  PURPOSES_BY_ROLE,
} from './purpose-of-use.policy';
import { Role, ROLES } from './roles';

const as = (subject: string, ...roles: [Role, ...Role[]]): Principal => ({ subject, roles });

describe('which purposes of use each role may state', () => {
  test.each<[Role, string, boolean]>([
    ['coordinator', 'legal', false],
    ['coordinator', 'audit', false],
    ['coordinator', 'treatment', false],
    ['coordinator', 'operations', true],
    ['admin', 'legal', false],
    ['admin', 'audit', false],
    ['provider', 'audit', false],
    ['provider', 'legal', false],
    ['provider', 'patient-request', false],
    ['provider', 'treatment', true],
    ['patient', 'legal', false],
    ['patient', 'payment', false],
    ['patient', 'patient-request', true],
    ['analyst', 'audit', false],
    ['trainer', 'legal', false],
    ['auditor', 'treatment', false],
    ['auditor', 'audit', true],
    ['auditor', 'legal', true],
  ])('a %s stating %s: allowed %s', (role, stated, allowed) => {
    expect(decidePurposeOfUse(stated, as('u-1', role)).allowed).toBe(allowed);
  });

  it('refuses a purpose the role may not use with 403 naming the header and what the role may use', () => {
    expect(decidePurposeOfUse('legal', as('u-1', 'coordinator'))).toEqual({
      allowed: false,
      status: 403,
      reason:
        'X-Purpose-Of-Use: the role coordinator may not read for legal (only operations, payment)',
    });
  });

  it('refuses a value that is no purpose with 400', () => {
    expect(decidePurposeOfUse('curiosity', as('u-1', 'auditor'))).toMatchObject({
      allowed: false,
      status: 400,
    });
  });

  it('weighs only the roles the route admits: an auditor role the route does not take exempts nothing', () => {
    const both = as('u-1', 'coordinator', 'auditor');
    expect(decidePurposeOfUse('legal', both).allowed).toBe(true);
    expect(decidePurposeOfUse('legal', both, ['coordinator', 'admin']).allowed).toBe(false);
  });

  it("defaults to the role's usual purpose, which each role may always use", () => {
    for (const role of ROLES) {
      const decision = decidePurposeOfUse(undefined, as('u-1', role));
      expect(decision).toEqual({ allowed: true, purpose: PURPOSES_BY_ROLE[role][0] });
    }
    expect(decidePurposeOfUse(undefined, as('u-1', 'coordinator', 'provider'))).toEqual({
      allowed: true,
      purpose: 'treatment',
    });
  });

  it('keeps audit and legal to the auditor alone', () => {
    const claimers = ROLES.filter((role) =>
      PURPOSES.some(
        (p) => (p === 'audit' || p === 'legal') && decidePurposeOfUse(p, as('u', role)).allowed,
      ),
    );
    expect(claimers).toEqual(['auditor']);
  });
});

describe('the role that granted a read', () => {
  it('is the role that may read for the purpose, not the first role of the token', () => {
    const principal = as('staff-1', 'trainer', 'coordinator', 'provider');
    expect(grantingRole(principal, 'treatment', 'p-1')).toBe('provider');
    expect(grantingRole(principal, 'payment', 'p-1', ['coordinator', 'admin'])).toBe('coordinator');
  });

  it('is the patient role only for the patient themself', () => {
    const principal = as('p-1', 'patient', 'trainer');
    expect(grantingRole(principal, 'patient-request', 'p-1')).toBe('patient');
    // Reading another patient, no role fits: the record names one that makes the audit see it.
    expect(grantingRole(as('p-2', 'trainer', 'patient'), 'patient-request', 'p-1')).toBe('patient');
  });
});
