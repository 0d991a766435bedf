import { retryDelayMs } from './retry-delay';

const HOUR = 3_600_000;
const middle = (): number => 0.5;

describe('the wait before another attempt', () => {
  it('doubles with each failed attempt, from the base', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 30_000, middle))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
  });

  it('spreads by up to a fifth either way', () => {
    expect(retryDelayMs(2, 30_000, () => 0)).toBe(48_000);
    expect(retryDelayMs(2, 30_000, () => 0.999_999)).toBe(72_000);
  });

  it('never waits more than an hour, however many attempts failed', () => {
    expect(retryDelayMs(8, 30_000, middle)).toBe(HOUR);
    expect(retryDelayMs(8, 30_000, () => 0.999_999)).toBe(HOUR);
    expect(retryDelayMs(8, 30_000, () => 0)).toBe(0.8 * HOUR);
    expect(retryDelayMs(5000, 30_000, middle)).toBe(HOUR);
  });

  it('draws its spread at random when no source is given', () => {
    const delays = Array.from({ length: 200 }, () => retryDelayMs(3, 10_000));
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(32_000);
      expect(delay).toBeLessThanOrEqual(48_000);
    }
    expect(new Set(delays).size).toBeGreaterThan(1);
  });

  it('refuses an attempt number below 1 or a base of nothing', () => {
    expect(() => retryDelayMs(0, 30_000)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5, 30_000)).toThrow(RangeError);
    expect(() => retryDelayMs(1, 0)).toThrow(RangeError);
  });
});
