import type { BookingRequest } from './bookability';
import { hasAbsenceOn, windowsOn } from './day-windows';
import { MINUTE } from './interval';
import { periodAt } from './schedule-periods';
import type { ProviderSchedule } from './schedule-rules';
import { localDateOf } from './wall-clock';

/** Whether a staff member is at work through a visit whose slot another person set, and their buffers. */
export type Duty =
  | {
      readonly onDuty: true;
      readonly bufferBeforeMinutes: number;
      readonly bufferAfterMinutes: number;
    }
  | { readonly onDuty: false; readonly detail: string };

/**
 * Whether the schedule has its owner at work for the whole visit, buffers included: for a
 * person who joins a visit (an interpreter) rather than offers it. Only their hours, exceptions
 * and buffers count: the visit's length, notice and horizon are the provider's slot's to set.
 */
export function dutyFor(schedule: ProviderSchedule, request: BookingRequest): Duty {
  const start = request.start.getTime();
  const end = request.end.getTime();
  const period = periodAt(schedule, start);
  if (!period) return { onDuty: false, detail: 'no schedule for that date' };
  const date = localDateOf(start, period.timeZone);
  const { before, after } = period.bufferMinutes;
  const covered = windowsOn(period, date, request.visitType).some(
    (window) => window.start <= start - before * MINUTE && end + after * MINUTE <= window.end,
  );
  if (covered) return { onDuty: true, bufferBeforeMinutes: before, bufferAfterMinutes: after };
  return {
    onDuty: false,
    detail: hasAbsenceOn(period, date)
      ? `away on ${date}`
      : `not within their ${request.visitType} hours`,
  };
}
