/** A provider's latest schedule as analytics keeps it (from ProviderScheduleDefined). */
export interface ScheduleFacts {
  readonly _id: string;
  readonly clinicId: string;
  readonly timeZone: string;
  readonly effectiveFrom: string;
  readonly weeklyRules: readonly { weekday: string; start: string; end: string }[];
  readonly exceptions: readonly { kind: string; date: string; start?: string; end?: string }[];
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const clock = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * Minutes the provider is open for telehealth on a calendar date (wall clock in their zone):
 * the weekly hours of that weekday, or the exception's hours, or none on a closed day or
 * before the schedule takes effect.
 */
export function availableMinutesOn(schedule: ScheduleFacts, day: string): number {
  if (day < schedule.effectiveFrom) return 0;
  const exception = schedule.exceptions.find((e) => e.date === day);
  if (exception?.kind === 'closed') return 0;
  if (exception?.start && exception.end)
    return Math.max(0, clock(exception.end) - clock(exception.start));
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];
  return schedule.weeklyRules
    .filter((rule) => rule.weekday === weekday)
    .reduce((sum, rule) => sum + Math.max(0, clock(rule.end) - clock(rule.start)), 0);
}
