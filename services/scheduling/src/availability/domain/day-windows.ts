import { Interval, subtract } from './interval';
import type { SchedulePeriod, VisitType } from './schedule-rules';
import { wallClockInstant, weekdayOf } from './wall-clock';

interface WallWindow {
  readonly start: string;
  readonly end: string;
  readonly visitTypes: readonly VisitType[];
}

/**
 * The hours of one provider-local date: the weekly rules of its weekday, unless an exception
 * closes the date or replaces its hours; partial absences are then cut out.
 */
function wallWindowsOn(period: SchedulePeriod, date: string): readonly WallWindow[] {
  const exceptions = period.exceptions.filter((exception) => exception.date === date);
  if (exceptions.some((exception) => exception.kind === 'closed')) return [];
  const replaced = exceptions.flatMap((exception) =>
    exception.kind === 'hours' ? [exception] : [],
  );
  if (replaced.length > 0) return replaced;
  const weekday = weekdayOf(date);
  return period.weeklyRules.filter((rule) => rule.weekday === weekday);
}

/** Whether an exception takes away all or part of this date (for a clear refusal reason). */
export function hasAbsenceOn(period: SchedulePeriod, date: string): boolean {
  return period.exceptions.some(
    (exception) =>
      exception.date === date && (exception.kind === 'closed' || exception.kind === 'away'),
  );
}

/** The instants of `date`'s hours open to `visitType`, in order, absences removed. */
export function windowsOn(period: SchedulePeriod, date: string, visitType: VisitType): Interval[] {
  const zone = period.timeZone;
  const open = wallWindowsOn(period, date)
    .filter((window) => window.visitTypes.includes(visitType))
    .map((window) => ({
      start: wallClockInstant(date, window.start, zone, 'first'),
      end: wallClockInstant(date, window.end, zone, 'last'),
    }))
    .filter((window) => window.end > window.start)
    .sort((a, b) => a.start - b.start);
  return period.exceptions
    .filter((exception) => exception.date === date && exception.kind === 'away')
    .reduce<Interval[]>(
      (windows, away) =>
        away.kind === 'away'
          ? subtract(windows, {
              start: wallClockInstant(date, away.start, zone, 'first'),
              end: wallClockInstant(date, away.end, zone, 'last'),
            })
          : windows,
      open,
    );
}
