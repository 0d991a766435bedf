import { utcDaysTouched } from './ledger-days';

describe('UTC days a visit touches', () => {
  it.each([
    ['within one day', '2031-05-05T09:00:00Z', '2031-05-05T09:30:00Z', ['2031-05-05']],
    [
      'across midnight',
      '2031-05-05T23:40:00Z',
      '2031-05-06T00:20:00Z',
      ['2031-05-05', '2031-05-06'],
    ],
    ['ending exactly at midnight', '2031-05-05T23:30:00Z', '2031-05-06T00:00:00Z', ['2031-05-05']],
    [
      'given with an offset',
      '2031-03-09T21:30:00-04:00',
      '2031-03-09T22:00:00-04:00',
      ['2031-03-10'],
    ],
  ])('%s', (_, start, end, days) => expect(utcDaysTouched(start, end)).toEqual(days));
});
