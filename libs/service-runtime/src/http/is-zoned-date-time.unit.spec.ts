import { isZonedDateTime } from './is-zoned-date-time';

describe('date-times must state their zone', () => {
  test.each([
    ['2026-11-27T10:00:00Z', true],
    ['2026-11-27T10:00Z', true],
    ['2026-11-27T10:00:00.123+05:30', true],
    ['2026-03-08T02:30:00-05:00', true],
    ['2026-11-27T10:00:00', false],
    ['2026-11-27', false],
    ['2026-13-01T10:00:00Z', false],
    ['2026-02-31T10:00:00Z', false],
    ['2026-11-27T24:00:00Z', false],
    ['tomorrow', false],
    [1764237600000, false],
  ])('%s -> %s', (value, expected) => {
    expect(isZonedDateTime(value)).toBe(expected);
  });
});
