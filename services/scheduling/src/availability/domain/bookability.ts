import type { BookedInterval } from './booked-interval';
import { hasAbsenceOn, windowsOn } from './day-windows';
import { MINUTE, overlaps, padded } from './interval';
import { periodAt } from './schedule-periods';
import type { ProviderSchedule, VisitType } from './schedule-rules';
import { localDateOf, plusLocalDays } from './wall-clock';

export interface BookingRequest {
  readonly start: Date;
  readonly end: Date;
  readonly visitType: VisitType;
}

/** Why the schedule refuses a booking; the appointments part turns it into a 409. */
export type BookingRefusal =
  | 'outside-availability'
  | 'exception'
  | 'too-soon'
  | 'beyond-horizon'
  | 'daily-maximum-reached'
  | 'overlaps-booked-time';

/** Shaped like the appointments part's slot decision, so it can be returned as is. */
export type Bookability =
  | {
      readonly bookable: true;
      readonly bufferBeforeMinutes: number;
      readonly bufferAfterMinutes: number;
    }
  | { readonly bookable: false; readonly reason: BookingRefusal; readonly detail: string };

const refuse = (reason: BookingRefusal, detail: string): Bookability => ({
  bookable: false,
  reason,
  detail,
});

/**
 * Whether the schedule admits a new visit. Existing visits are never re-checked against
 * changed rules: this is asked only when booking. `booked` is the provider's other visits
 * around that day (leave out the one being moved).
 */
export function isBookable(
  schedule: ProviderSchedule,
  request: BookingRequest,
  booked: readonly BookedInterval[],
  now: Date,
): Bookability {
  const slot = { start: request.start.getTime(), end: request.end.getTime() };
  const period = periodAt(schedule, slot.start);
  if (!period) return refuse('outside-availability', 'the provider has no schedule for that date');
  const zone = period.timeZone;
  const date = localDateOf(slot.start, zone);
  const { before, after } = period.bufferMinutes;
  const inWindow = windowsOn(period, date, request.visitType).some(
    (window) =>
      window.start <= slot.start - before * MINUTE && slot.end + after * MINUTE <= window.end,
  );
  if (!inWindow) {
    return hasAbsenceOn(period, date)
      ? refuse('exception', `the provider is away on ${date}`)
      : refuse('outside-availability', `not within the provider's ${request.visitType} hours`);
  }
  const length = period.slotMinutes[request.visitType];
  if (slot.end - slot.start !== length * MINUTE)
    return refuse('outside-availability', `a ${request.visitType} visit lasts ${length} minutes`);
  if (slot.start < now.getTime() + period.minimumNoticeMinutes * MINUTE)
    return refuse('too-soon', `book at least ${period.minimumNoticeMinutes} minutes ahead`);
  if (slot.start >= plusLocalDays(now.getTime(), period.bookingHorizonDays, zone))
    return refuse('beyond-horizon', `book at most ${period.bookingHorizonDays} days ahead`);
  const held = padded(slot, before, after);
  const clash = booked.find((other) =>
    overlaps(
      held,
      padded({ start: other.start.getTime(), end: other.end.getTime() }, before, after),
    ),
  );
  if (clash) return refuse('overlaps-booked-time', `the time is held by another visit`);
  const max = period.dailyMaxVisits;
  const sameDay = booked.filter((other) => localDateOf(other.start.getTime(), zone) === date);
  if (max !== undefined && sameDay.length >= max)
    return refuse('daily-maximum-reached', `the provider takes at most ${max} visits on ${date}`);
  return { bookable: true, bufferBeforeMinutes: before, bufferAfterMinutes: after };
}
