import { decideLicence, LicensedPerson } from './licence.decision';

const okafor: LicensedPerson = {
  staffId: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  displayName: 'Dr. Adaeze Okafor',
  licences: [
    { state: 'NY', number: 'NY-220431', expiresOn: '2027-06-30' },
    { state: 'NJ', number: 'NJ-25MA0981', expiresOn: '2026-02-28' },
  ],
};
const visitEnd = '2026-03-09T09:30:00-04:00';

describe('the licence a visit needs follows where the patient will be', () => {
  it('allows a provider licensed in that state through the end of the visit', () =>
    expect(decideLicence(okafor, okafor.staffId, 'NY', visitEnd)).toEqual({ allowed: true }));

  it('refuses another state, naming the state, the day and what the provider holds', () =>
    expect(decideLicence(okafor, okafor.staffId, 'PA', visitEnd)).toEqual({
      allowed: false,
      reason:
        'Dr. Adaeze Okafor holds no licence active in PA on 2026-03-09 (licensed in NJ until 2026-02-28, NY until 2027-06-30)',
    }));

  it('refuses a licence of the state that expired before the visit', () =>
    expect(decideLicence(okafor, okafor.staffId, 'NJ', visitEnd)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/no licence active in NJ on 2026-03-09 .*NJ until 2026-02-28/),
    }));

  it.each([
    ['ends on the last day of the licence', '2027-06-30T23:59:00Z', true],
    ['ends exactly as the last day ends', '2027-07-01T00:00:00Z', true],
    ['runs past the last day', '2027-07-01T00:15:00Z', false],
    ['ends on the last day in New York, the next day in UTC', '2027-06-30T20:30:00-04:00', false],
  ])('a visit that %s: %s', (_, end, allowed) =>
    expect(decideLicence(okafor, okafor.staffId, 'NY', end).allowed).toBe(allowed),
  );

  it('says so when the provider has no licence at all', () =>
    expect(
      decideLicence({ ...okafor, licences: [] }, okafor.staffId, 'NY', visitEnd),
    ).toMatchObject({ reason: expect.stringContaining('(no state licence on record)') }));

  it('refuses a provider the directory does not know, saying what to record', () =>
    expect(decideLicence(undefined, okafor.staffId, 'NY', visitEnd)).toMatchObject({
      allowed: false,
      reason: expect.stringContaining(`provider ${okafor.staffId} is not in the directory`),
    }));
});
