import { normalisedE164 } from './e164';

describe('a mobile number in E.164', () => {
  it.each([
    ['+12015550123', '+12015550123'],
    [' +1 201-555-0123 ', '+12015550123'],
    ['+1.201.555.0123', '+12015550123'],
    ['00442079460958', '+442079460958'],
  ])('%j is %j', (written, e164) => expect(normalisedE164(written)).toBe(e164));

  it.each(['2015550123', '+0201555012', '+1 201 555 0123 x4', '+1234567890123456', 'STOP'])(
    '%j is none',
    (written) => expect(normalisedE164(written)).toBeUndefined(),
  );
});
