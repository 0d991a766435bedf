import { factsOf } from './facts-of-event';
import { complianceAt } from './staff-compliance';

const at = (iso: string) => new Date(iso);

describe('staff training compliance', () => {
  const staff = [
    {
      _id: 'current',
      firstSeenAt: at('2026-01-01T00:00:00Z'),
      credentialedAt: at('2026-01-02T00:00:00Z'),
      validUntil: at('2027-01-01T00:00:00Z'),
      lapsedAt: null,
    },
    {
      _id: 'expired',
      firstSeenAt: at('2026-01-01T00:00:00Z'),
      credentialedAt: at('2026-01-02T00:00:00Z'),
      validUntil: at('2026-02-01T00:00:00Z'),
    },
    {
      _id: 'lapsed',
      firstSeenAt: at('2026-01-01T00:00:00Z'),
      credentialedAt: at('2026-01-02T00:00:00Z'),
      validUntil: at('2027-01-01T00:00:00Z'),
      lapsedAt: at('2026-02-15T00:00:00Z'),
    },
    { _id: 'enrolled only', firstSeenAt: at('2026-01-10T00:00:00Z') },
    { _id: 'not yet known', firstSeenAt: at('2026-06-01T00:00:00Z') },
  ];

  it.each([
    ['before anyone was credentialed', '2026-01-01T12:00:00Z', { staffKnown: 3, staffCurrent: 0 }],
    ['with three credentials current', '2026-01-20T00:00:00Z', { staffKnown: 4, staffCurrent: 3 }],
    [
      'after one expired and one lapsed',
      '2026-03-01T00:00:00Z',
      { staffKnown: 4, staffCurrent: 1 },
    ],
  ])('%s', (_, when, expected) => expect(complianceAt(staff, at(when))).toEqual(expected));

  it('knows staff from their enrolment', () => {
    const facts = factsOf({
      type: 'thc.training.StaffEnrolled.v1',
      data: { staffId: 's', role: 'provider', enrolledAt: '2026-01-05T09:00:00Z' },
    });
    expect(facts).toEqual([
      {
        target: 'staff',
        staffId: 's',
        fact: { kind: 'enrolled', role: 'provider', enrolledAt: at('2026-01-05T09:00:00Z') },
      },
    ]);
  });
});
