import { consentStanding, ConsentFact } from './consent-standing';

const now = new Date('2031-03-09T13:00:00Z');
const a = '11111111-1111-4111-8111-111111111111';
const b = '22222222-2222-4222-8222-222222222222';
const granted = (consentId: string, at: string, expiresAt?: string): ConsentFact => ({
  kind: 'granted',
  consentId,
  at,
  ...(expiresAt ? { expiresAt } : {}),
});
const revoked = (consentId: string, at: string): ConsentFact => ({
  kind: 'revoked',
  consentId,
  at,
});

describe("a patient's telehealth consent standing", () => {
  it.each<[string, ConsentFact[], ReturnType<typeof consentStanding>]>([
    ['no consent on record', [], { active: false, reason: 'consent-missing' }],
    ['granted', [granted(a, '2031-01-01T00:00:00Z')], { active: true, consentId: a }],
    [
      'granted then revoked',
      [granted(a, '2031-01-01T00:00:00Z'), revoked(a, '2031-02-01T00:00:00Z')],
      { active: false, reason: 'consent-revoked' },
    ],
    [
      'revoked before its grant arrived (out of order)',
      [revoked(a, '2031-02-01T00:00:00Z'), granted(a, '2031-01-01T00:00:00Z')],
      { active: false, reason: 'consent-revoked' },
    ],
    [
      'expired',
      [granted(a, '2030-01-01T00:00:00Z', '2031-01-01T00:00:00Z')],
      { active: false, reason: 'consent-expired' },
    ],
    [
      'an old one revoked, a new one given',
      [
        granted(a, '2030-01-01T00:00:00Z'),
        revoked(a, '2030-06-01T00:00:00Z'),
        granted(b, '2031-01-01T00:00:00Z'),
      ],
      { active: true, consentId: b },
    ],
  ])('%s', (_label, facts, standing) => {
    expect(consentStanding(facts, now)).toEqual(standing);
  });
});
