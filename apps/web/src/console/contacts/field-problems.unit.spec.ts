import { fieldProblems } from './field-problems';

describe("the service's refusal of a contact preferences form", () => {
  it('puts each invalid field next to its control, in a sentence without the property name', () => {
    expect(
      fieldProblems([
        { name: 'mobile', reason: 'mobile must be a mobile number in E.164 such as +12015550123' },
        { name: 'quietHours.end', reason: 'end must differ from start: quiet hours of no length' },
        { name: 'timeZone', reason: 'timeZone must be an IANA time zone such as America/New_York' },
      ]),
    ).toEqual({
      byField: {
        mobile: 'Must be a mobile number in E.164 such as +12015550123.',
        quietEnd: 'Must differ from start: quiet hours of no length.',
        timeZone: 'Must be an IANA time zone such as America/New_York.',
      },
      other: [],
    });
  });

  it('joins two reasons for the same field', () => {
    expect(
      fieldProblems([
        { name: 'email', reason: 'email must be shorter than or equal to 254 characters' },
        { name: 'email', reason: 'email must be an e-mail address' },
      ]).byField.email,
    ).toBe('Must be shorter than or equal to 254 characters. Must be an e-mail address.');
  });

  it('shows a whole group at its first control', () => {
    expect(
      fieldProblems([
        { name: 'consent', reason: 'consent must be an object' },
        { name: 'quietHours', reason: 'quietHours must be an object' },
      ]).byField,
    ).toEqual({ byEmail: 'Must be an object.', quietStart: 'Must be an object.' });
  });

  it('keeps what names no field of the form, to show above it', () => {
    expect(
      fieldProblems([{ name: 'nickname', reason: 'property nickname should not exist' }]),
    ).toEqual({ byField: {}, other: ['Property nickname should not exist.'] });
  });
});
