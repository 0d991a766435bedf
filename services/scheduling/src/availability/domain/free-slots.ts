import type { BookedInterval } from './booked-interval';
import { windowsOn } from './day-windows';
import { Interval, MINUTE, overlaps, padded } from './interval';
import { periodAt } from './schedule-periods';
import type { ProviderSchedule, SchedulePeriod, VisitType } from './schedule-rules';
import { addDays, localDateOf, plusLocalDays } from './wall-clock';

export interface SlotSearch {
  /** Slots starting in [from, to). */
  readonly from: Date;
  readonly to: Date;
  readonly visitType: VisitType;
  /** Visits already holding the provider's time around the range (whole local days). */
  readonly booked: readonly BookedInterval[];
  readonly now: Date;
}

export interface FreeSlot {
  readonly start: Date;
  readonly end: Date;
  readonly visitType: VisitType;
}

const toInterval = (booked: BookedInterval): Interval => ({
  start: booked.start.getTime(),
  end: booked.end.getTime(),
});

/**
 * Slots laid end to end from each window's start, each with its buffers inside the window, so
 * that every slot offered can be booked together with every other. Stepping is in elapsed
 * time: on a DST change day a window is as long as the real time it spans, no slot starts at
 * a wall time that does not exist, and none repeats or goes missing.
 */
function gridOf(period: SchedulePeriod, date: string, visitType: VisitType): Interval[] {
  const length = period.slotMinutes[visitType] * MINUTE;
  const before = period.bufferMinutes.before * MINUTE;
  const after = period.bufferMinutes.after * MINUTE;
  return windowsOn(period, date, visitType).flatMap((window) => {
    const slots: Interval[] = [];
    for (let start = window.start + before; start + length + after <= window.end;) {
      slots.push({ start, end: start + length });
      start += before + length + after;
    }
    return slots;
  });
}

/** A day's free slots: not held by a booking (buffers included), within notice and horizon, capped. */
function freeOn(
  schedule: ProviderSchedule,
  period: SchedulePeriod,
  date: string,
  search: SlotSearch,
): Interval[] {
  const { before, after } = period.bufferMinutes;
  const zone = period.timeZone;
  const now = search.now.getTime();
  const earliest = now + period.minimumNoticeMinutes * MINUTE;
  const latest = plusLocalDays(now, period.bookingHorizonDays, zone);
  const held = search.booked.map(toInterval).map((booked) => padded(booked, before, after));
  const free = gridOf(period, date, search.visitType).filter(
    (slot) =>
      periodAt(schedule, slot.start) === period &&
      slot.start >= earliest &&
      slot.start < latest &&
      !held.some((busy) => overlaps(busy, padded(slot, before, after))),
  );
  if (period.dailyMaxVisits === undefined) return free;
  // The daily maximum counts visits booked on the day plus those offered: offering more than
  // the day can still take would let the search promise what booking then refuses.
  const bookedThatDay = search.booked.filter(
    (booked) => localDateOf(booked.start.getTime(), zone) === date,
  ).length;
  return free.slice(0, Math.max(0, period.dailyMaxVisits - bookedThatDay));
}

/** Free slots of a provider starting in [from, to), ordered by start. */
export function freeSlots(schedule: ProviderSchedule, search: SlotSearch): FreeSlot[] {
  const from = search.from.getTime();
  const to = search.to.getTime();
  const slots = schedule.periods.flatMap((period) => {
    const zone = period.timeZone;
    const found: Interval[] = [];
    let date = localDateOf(from, zone);
    if (date < period.effectiveFrom) date = period.effectiveFrom;
    for (const last = localDateOf(to, zone); date <= last; date = addDays(date, 1)) {
      found.push(...freeOn(schedule, period, date, search));
    }
    return found;
  });
  return slots
    .filter((slot) => slot.start >= from && slot.start < to)
    .sort((a, b) => a.start - b.start)
    .map((slot) => ({
      start: new Date(slot.start),
      end: new Date(slot.end),
      visitType: search.visitType,
    }));
}
