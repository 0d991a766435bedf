import { todayRangeOf } from './today-range';

const now = new Date('2026-12-07T13:40:00Z');

describe("the board's range", () => {
  it('defaults to the current UTC day', () => {
    expect(todayRangeOf({}, now)).toEqual({
      from: new Date('2026-12-07T00:00:00Z'),
      to: new Date('2026-12-08T00:00:00Z'),
    });
  });

  it('runs a day from a given from', () => {
    expect(todayRangeOf({ from: '2026-12-07T05:00:00-05:00' }, now)).toEqual({
      from: new Date('2026-12-07T10:00:00Z'),
      to: new Date('2026-12-08T10:00:00Z'),
    });
  });

  it('takes 48 hours, and refuses more, naming to', () => {
    const from = '2026-12-07T00:00:00Z';
    expect(todayRangeOf({ from, to: '2026-12-09T00:00:00Z' }, now)).not.toHaveProperty('invalid');
    expect(todayRangeOf({ from, to: '2026-12-09T00:00:01Z' }, now)).toEqual({
      invalid: { name: 'to', reason: 'to must be at most 48 hours after from' },
    });
  });

  it('refuses an empty range, naming to', () => {
    const at = '2026-12-07T00:00:00Z';
    expect(todayRangeOf({ from: at, to: at }, now)).toEqual({
      invalid: { name: 'to', reason: 'to must be after from' },
    });
  });
});
