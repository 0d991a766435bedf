import { DateTime } from 'luxon';

/**
 * UTC calendar days (yyyy-mm-dd) an interval touches, end exclusive: a visit ending exactly at
 * midnight does not touch the next day. Two overlapping intervals always share at least one
 * such day, which is why a claim in every touched day is enough to see every conflict.
 *
 * UTC, not the provider's zone: the day key must be the same for every booking of a provider,
 * whatever zone a request or a changed schedule states; a zone change would otherwise split one
 * provider's time over two sets of streams and hide overlaps.
 */
export function utcDaysTouched(start: string, end: string): string[] {
  const first = DateTime.fromISO(start, { zone: 'utc' }).startOf('day');
  const last = DateTime.fromISO(end, { zone: 'utc' }).minus({ milliseconds: 1 });
  const days: string[] = [];
  for (let day = first; day <= last; day = day.plus({ days: 1 })) days.push(day.toISODate() ?? '');
  return days;
}

/** A staff member's day: their visits as provider and as interpreter alike (see LedgerOwner). */
export const providerDayStream = (providerId: string, day: string): string =>
  `provider-day-${providerId}-${day}`;

export const patientDayStream = (patientId: string, day: string): string =>
  `patient-day-${patientId}-${day}`;

/** The held interval of a visit: buffers before and after widen it (UTC ISO). */
export function heldInterval(
  start: string,
  end: string,
  bufferBeforeMinutes: number,
  bufferAfterMinutes: number,
): { readonly start: string; readonly end: string } {
  return {
    start: new Date(Date.parse(start) - bufferBeforeMinutes * 60_000).toISOString(),
    end: new Date(Date.parse(end) + bufferAfterMinutes * 60_000).toISOString(),
  };
}
