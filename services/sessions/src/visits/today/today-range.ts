import type { InvalidParam } from '@thc/service-runtime';

/** The widest board: two days, so a night shift sees both sides of midnight. */
export const MAX_RANGE_HOURS = 48;

const DAY_MS = 86_400_000;

/** The instants a board covers: visits starting in [from, to). */
export interface TodayRange {
  readonly from: Date;
  readonly to: Date;
}

/**
 * The range asked for (already checked to be zoned date-times), defaulting to the current UTC
 * day: `from` to its start, `to` to a day after `from`. A range that is empty or longer than
 * MAX_RANGE_HOURS is refused, naming `to`.
 */
export function todayRangeOf(
  asked: { readonly from?: string; readonly to?: string },
  now: Date,
): TodayRange | { readonly invalid: InvalidParam } {
  const from = asked.from
    ? new Date(asked.from)
    : new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const to = asked.to ? new Date(asked.to) : new Date(from.getTime() + DAY_MS);
  const span = to.getTime() - from.getTime();
  if (span <= 0) return { invalid: { name: 'to', reason: 'to must be after from' } };
  if (span > MAX_RANGE_HOURS * 3_600_000)
    return {
      invalid: { name: 'to', reason: `to must be at most ${MAX_RANGE_HOURS} hours after from` },
    };
  return { from, to };
}
