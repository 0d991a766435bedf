import { decideCredential } from './staff-credential.decision';

const now = new Date('2031-01-01T00:00:00Z');

describe('may a provider be booked, by their credential', () => {
  it.each([
    ['no credential on record', undefined, 'the provider has no telehealth credential on record'],
    [
      'lapsed',
      { status: 'lapsed', cause: 'certification-expired', asOf: '2030-12-01T00:00:00Z' } as const,
      "the provider's telehealth credential has lapsed (certification-expired)",
    ],
    [
      'expired by date',
      {
        status: 'current',
        validUntil: '2030-12-31T00:00:00Z',
        asOf: '2030-01-01T00:00:00Z',
      } as const,
      "the provider's telehealth credential has expired",
    ],
    [
      'expiring before the visit ends',
      {
        status: 'current',
        validUntil: '2031-01-05T09:10:00Z',
        asOf: '2030-01-01T00:00:00Z',
      } as const,
      "the provider's telehealth credential expires before the visit ends",
    ],
  ])('refused when %s', (_, credential, reason) =>
    expect(decideCredential(credential, now, '2031-01-05T09:30:00Z')).toEqual({
      allowed: false,
      reason,
    }),
  );

  it('allowed with a credential current through the visit', () =>
    expect(
      decideCredential(
        { status: 'current', validUntil: '2032-01-01T00:00:00Z', asOf: '2030-01-01T00:00:00Z' },
        now,
        '2031-01-05T09:30:00Z',
      ),
    ).toEqual({ allowed: true }));
});
