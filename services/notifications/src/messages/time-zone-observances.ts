import { DateTime, IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS, offsetChangeBetween } from './offset-change';

/** One change of a zone's offset: from then on its clocks read `offsetTo`. */
interface Observance {
  readonly kind: 'STANDARD' | 'DAYLIGHT';
  /** The wall-clock time of the change, as read just before it (RFC 5545 §3.6.5). */
  readonly onset: string;
  readonly offsetFrom: number;
  readonly offsetTo: number;
  readonly name?: string;
}

/** "-0500" for −300 minutes. */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `${sign}${hours}${String(absolute % 60).padStart(2, '0')}`;
}

/** A local date-time in iCalendar form, 20260309T090000. */
export function icsLocal(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toFormat("yyyyMMdd'T'HHmmss");
}

/** The zone's abbreviation at an instant (EST, CET) when it has one other than "GMT+1". */
function abbreviation(instant: number, zone: string): string | undefined {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(instant))
    .find((part) => part.type === 'timeZoneName')?.value;
  return name && /^[A-Z]{2,5}$/.test(name) ? name : undefined;
}

function observanceAt(zone: IANAZone, change: number, name: string): Observance {
  const offsetFrom = zone.offset(change - MINUTE_MS);
  const offsetTo = zone.offset(change);
  const daylight = DateTime.fromMillis(change, { zone }).isInDST;
  const abbreviated = abbreviation(change, name);
  return {
    kind: daylight ? 'DAYLIGHT' : 'STANDARD',
    onset: DateTime.fromMillis(change + offsetFrom * MINUTE_MS, { zone: 'utc' }).toFormat(
      "yyyyMMdd'T'HHmmss",
    ),
    offsetFrom,
    offsetTo,
    ...(abbreviated ? { name: abbreviated } : {}),
  };
}

/**
 * Every offset change of `timeZone` from the start of the year before `from` to the end of the
 * year of `to`, read from the IANA database (through Luxon) rather than written as rules: a
 * calendar needs only the changes around the event, and the year before supplies the offset
 * in force on the event's first day. A zone without changes gets one STANDARD observance.
 */
function observances(timeZone: string, from: number, to: number): Observance[] {
  const zone = IANAZone.create(timeZone);
  const first = DateTime.fromMillis(from, { zone: 'utc' }).startOf('year').minus({ years: 1 });
  const last = DateTime.fromMillis(to, { zone: 'utc' }).endOf('year').plus({ days: 1 });
  const found: Observance[] = [];
  for (let day = first.toMillis(); day < last.toMillis(); day += DAY_MS) {
    if (zone.offset(day) !== zone.offset(day + DAY_MS))
      found.push(observanceAt(zone, offsetChangeBetween(zone, day, day + DAY_MS), timeZone));
  }
  if (found.length > 0) return found;
  const offset = zone.offset(from);
  const name = abbreviation(from, timeZone);
  return [
    {
      kind: 'STANDARD',
      onset: '19700101T000000',
      offsetFrom: offset,
      offsetTo: offset,
      ...(name ? { name } : {}),
    },
  ];
}

/** The VTIMEZONE component (§3.6.5) for `timeZone`, valid for the event from `from` to `to`. */
export function vtimezone(timeZone: string, from: number, to: number): string[] {
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`unknown time zone ${timeZone}`);
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observances(timeZone, from, to).flatMap((observance) => [
      `BEGIN:${observance.kind}`,
      `DTSTART:${observance.onset}`,
      `TZOFFSETFROM:${utcOffset(observance.offsetFrom)}`,
      `TZOFFSETTO:${utcOffset(observance.offsetTo)}`,
      ...(observance.name ? [`TZNAME:${observance.name}`] : []),
      `END:${observance.kind}`,
    ]),
    'END:VTIMEZONE',
  ];
}
