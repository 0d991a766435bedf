import type { ProviderSchedule, SchedulePeriod } from './schedule-rules';
import { localDateOf } from './wall-clock';

/**
 * The period in force at an instant: the last one whose start date the instant has reached on
 * that period's own calendar. Slot search and booking checks both use this one rule.
 */
export function periodAt(schedule: ProviderSchedule, instant: number): SchedulePeriod | undefined {
  return [...schedule.periods]
    .reverse()
    .find((period) => localDateOf(instant, period.timeZone) >= period.effectiveFrom);
}

/** The periods after a new definition: it replaces every period starting on or after its own start. */
export function withPeriod(
  periods: readonly SchedulePeriod[],
  next: SchedulePeriod,
): readonly SchedulePeriod[] {
  return [...periods.filter((period) => period.effectiveFrom < next.effectiveFrom), next];
}
