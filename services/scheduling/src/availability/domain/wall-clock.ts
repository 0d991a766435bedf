import { DateTime, IANAZone } from 'luxon';
import { MINUTE } from './interval';
import type { Weekday } from './schedule-rules';
import { WEEKDAYS } from './schedule-rules';

/**
 * Which instant a wall-clock time names when the zone's clock repeats it (fall-back): the
 * first occurrence for the start of a window, the last for its end, so a window covers every
 * instant whose wall time lies inside it and none is lost.
 */
export type Occurrence = 'first' | 'last';

const DAY = 24 * 60 * MINUTE;

function offsetMinutes(zone: IANAZone, instant: number): number {
  return zone.offset(instant);
}

/**
 * The instant of `date` `time` (HH:mm) on the wall clock of `zone`. Offsets come from the IANA
 * database through Luxon. A time the clock skips (spring-forward gap) has no instant: the
 * window edge then falls on the change itself, where the clock jumps past it.
 */
export function wallClockInstant(
  date: string,
  time: string,
  zone: string,
  occurrence: Occurrence,
): number {
  const tz = IANAZone.create(zone);
  const asUtc = DateTime.fromISO(`${date}T${time}`, { zone: 'utc' }).toMillis();
  const earlier = offsetMinutes(tz, asUtc - DAY);
  const later = offsetMinutes(tz, asUtc + DAY);
  const valid = [...new Set([earlier, later])]
    .map((offset) => asUtc - offset * MINUTE)
    .filter((instant) => asUtc - offsetMinutes(tz, instant) * MINUTE === instant);
  if (valid.length > 0) return occurrence === 'first' ? Math.min(...valid) : Math.max(...valid);
  return transitionBetween(tz, asUtc - later * MINUTE, asUtc - earlier * MINUTE);
}

/** The first minute at which the zone's offset differs from the one at `before` (a gap's end). */
function transitionBetween(zone: IANAZone, before: number, after: number): number {
  const from = offsetMinutes(zone, before);
  let low = before;
  let high = after;
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
    if (offsetMinutes(zone, middle) === from) low = middle;
    else high = middle;
  }
  return high;
}

/** The calendar date (yyyy-mm-dd) an instant falls on in `zone`. */
export function localDateOf(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISODate() ?? '';
}

/** Calendar arithmetic on dates, free of any zone. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? '';
}

export function weekdayOf(date: string): Weekday {
  // Luxon numbers ISO weekdays 1 (Monday) to 7; WEEKDAYS starts on Monday too.
  const weekday = WEEKDAYS[DateTime.fromISO(date, { zone: 'utc' }).weekday - 1];
  if (!weekday) throw new RangeError(`${date} is not a date`);
  return weekday;
}

/** `instant` plus whole days on the zone's calendar: the same wall time, across DST. */
export function plusLocalDays(instant: number, days: number, zone: string): number {
  return DateTime.fromMillis(instant, { zone }).plus({ days }).toMillis();
}

export function isKnownZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** ISO-8601 with the zone's offset at that instant, seconds included (FHIR `instant` needs them). */
export function renderIn(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}
