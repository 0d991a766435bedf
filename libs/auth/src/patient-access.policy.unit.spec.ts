import { careIsCurrent, decidePatientAccess } from './patient-access.policy';
import { careRelationshipDaysFromEnv } from './patient-access.policy.settings';
import { Principal } from './principal';
import { Role } from './roles';

const as = (role: Role, subject = 'someone'): Principal => ({
  subject,
  roles: [role],
  clinics: 'all',
});

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
    [
      'a patient who is also a trainer, for another patient',
      { subject: 'p-2', roles: ['patient', 'trainer'] },
      false,
      false,
    ],
  ])('%s', (_, principal, relationship, allowed) => {
    expect(decidePatientAccess(principal, 'p-1', relationship).allowed).toBe(allowed);
  });

  describe('staff reach a patient through a visit in a clinic they cover', () => {
    const scoped = (role: Role): Principal => ({ subject: 's', roles: [role], clinics: ['c-1'] });
    test.each<[string, Principal, readonly string[], boolean]>([
      ['a coordinator of the visit’s clinic', scoped('coordinator'), ['c-2', 'c-1'], true],
      ['a coordinator of another clinic', scoped('coordinator'), ['c-2'], false],
      ['an admin of another clinic', scoped('admin'), ['c-2'], false],
      ['a coordinator, for a patient with no visit', scoped('coordinator'), [], false],
      ['a token without clinics', { subject: 's', roles: ['coordinator'] }, ['c-1'], false],
    ])('%s', (_, principal, clinics, allowed) => {
      expect(decidePatientAccess(principal, 'p-1', false, clinics).allowed).toBe(allowed);
    });

    it('says why it refuses', () => {
      expect(decidePatientAccess(scoped('coordinator'), 'p-1', false, ['c-2'])).toEqual({
        allowed: false,
        reason: 'the patient has no visit in a clinic you cover',
      });
    });
  });

  it('says why it refuses', () => {
    expect(decidePatientAccess(as('provider'), 'p-1', false)).toEqual({
      allowed: false,
      reason: 'provider has no appointment with this patient within the care window',
    });
  });
});

describe("a provider's care relationship ends after the care window", () => {
  const lastVisit = { end: '2026-03-09T13:30:00Z' };

  test.each<[string, string, boolean]>([
    ['before the visit (it is booked)', '2026-03-01T09:00:00Z', true],
    ['right after the visit', '2026-03-09T14:00:00Z', true],
    ['on the last day of the window', '2026-06-07T13:30:00Z', true],
    ['a minute after the window closed', '2026-06-07T13:31:00Z', false],
    ['a year later', '2027-03-09T13:30:00Z', false],
  ])('%s: %s', (_, at, current) => {
    expect(careIsCurrent([lastVisit], new Date(at), 90)).toBe(current);
  });

  it('gives nothing without a visit, or with a window of 0 days once the visit ended', () => {
    expect(careIsCurrent([], new Date('2026-03-09T00:00:00Z'), 90)).toBe(false);
    expect(careIsCurrent([lastVisit], new Date('2026-03-09T13:31:00Z'), 0)).toBe(false);
  });

  it('counts from the latest of several visits', () => {
    const older = { end: '2025-01-10T10:00:00Z' };
    expect(careIsCurrent([older, lastVisit], new Date('2026-06-01T00:00:00Z'), 90)).toBe(true);
    expect(careIsCurrent([older], new Date('2026-06-01T00:00:00Z'), 90)).toBe(false);
  });

  test.each<[string, string, boolean]>([
    ['before it was cancelled', '2026-03-01T09:00:00Z', true],
    ['a minute after it was cancelled', '2026-03-02T08:01:00Z', false],
    ['after the visit would have been', '2026-03-20T00:00:00Z', false],
  ])('a cancelled visit opens the records only until it was cancelled: %s', (_, at, current) => {
    const cancelled = { ...lastVisit, cancelledAt: '2026-03-02T08:00:00Z' };
    expect(careIsCurrent([cancelled], new Date(at), 90)).toBe(current);
  });

  it('gives nothing for a visit whose dates do not parse', () => {
    expect(careIsCurrent([{ end: 'soon' }], new Date('2026-03-01T00:00:00Z'), 90)).toBe(false);
    const garbled = { ...lastVisit, cancelledAt: 'never' };
    expect(careIsCurrent([garbled], new Date('2026-03-01T00:00:00Z'), 90)).toBe(false);
  });

  it('reads the window from CARE_RELATIONSHIP_DAYS, 90 days when unset, and refuses nonsense', () => {
    const env = (value?: string) => (name: string) =>
      name === 'CARE_RELATIONSHIP_DAYS' ? value : undefined;
    expect(careRelationshipDaysFromEnv(env())).toBe(90);
    expect(careRelationshipDaysFromEnv(env('30'))).toBe(30);
    for (const bad of ['-1', '3651', '1.5', 'ninety', 'Infinity'])
      expect(() => careRelationshipDaysFromEnv(env(bad))).toThrow(/CARE_RELATIONSHIP_DAYS/);
  });
});
