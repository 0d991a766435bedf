import { DateTime, IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS, offsetChangeBetween } from './offset-change';

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of an "HH:mm" clock time. */
function minutesOf(clock: string, field: 'start' | 'end'): number {
  const match = CLOCK.exec(clock);
  if (!match) throw new RangeError(`quiet hours ${field} must be HH:mm, not ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The first instant after `after` at which the wall clock of `zone` reads `clock` on `date`.
 * On the night the clock falls back the time happens twice and the next one is taken; on the
 * night it springs forward a skipped time has no instant, so the change itself is taken.
 */
function nextWallClockInstant(date: string, clock: string, zone: IANAZone, after: number): number {
  const asUtc = DateTime.fromISO(`${date}T${clock}`, { zone: 'utc' }).toMillis();
  const offsets = new Set([zone.offset(asUtc - DAY_MS), zone.offset(asUtc + DAY_MS)]);
  const instants = [...offsets]
    .map((offset) => asUtc - offset * MINUTE_MS)
    .filter((instant) => asUtc - zone.offset(instant) * MINUTE_MS === instant)
    .sort((a, b) => a - b);
  const next = instants.find((instant) => instant > after) ?? instants.at(-1);
  if (next !== undefined) return next;
  // The skipped time lies between the instants the two offsets give it.
  const [earlier, later] = [Math.max(...offsets), Math.min(...offsets)];
  return offsetChangeBetween(zone, asUtc - earlier * MINUTE_MS, asUtc - later * MINUTE_MS);
}

/**
 * When the person's quiet hours end, if `at` falls inside them; undefined when it does not, or
 * when they have none. Quiet hours are wall-clock times in their zone, so "21:00–08:00" ends at
 * 08:00 local on the next morning whatever the clock did overnight; a window over midnight
 * (start after end) and a window within one day (start before end) both work, and a window
 * whose start equals its end is empty.
 */
export function quietHoursEnd(
  at: Date,
  timeZone: string,
  quiet: { start: string; end: string } | undefined,
): Date | undefined {
  if (!quiet) return undefined;
  const start = minutesOf(quiet.start, 'start');
  const end = minutesOf(quiet.end, 'end');
  if (start === end) return undefined;
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`unknown time zone ${timeZone}`);
  const zone = IANAZone.create(timeZone);
  const local = DateTime.fromJSDate(at, { zone });
  const minute = local.hour * 60 + local.minute;
  const overMidnight = start > end;
  const inside = overMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return undefined;
  const endDate = overMidnight && minute >= start ? local.plus({ days: 1 }) : local;
  return new Date(nextWallClockInstant(endDate.toISODate() ?? '', quiet.end, zone, at.getTime()));
}
