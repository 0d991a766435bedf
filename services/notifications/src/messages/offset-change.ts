import type { IANAZone } from 'luxon';

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * The first minute after `low` and at most `high` at which the zone's offset differs from the one
 * at `low`: the instant its clocks change. Found by halving, to the minute.
 */
export function offsetChangeBetween(zone: IANAZone, low: number, high: number): number {
  const before = zone.offset(low);
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zone.offset(middle) === before) low = middle;
    else high = middle;
  }
  return high;
}
