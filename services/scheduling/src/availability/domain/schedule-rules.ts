import type { ProviderScheduleDefinedV2 } from '@thc/contracts';

/** The schedule's rules as the event carries them; the contract is the one source of the shape. */
export type ScheduleRules = Omit<
  ProviderScheduleDefinedV2,
  'providerId' | 'definedAt' | 'definedBy'
>;

export type VisitType = keyof ScheduleRules['slotMinutes'];
export type WeeklyRule = ScheduleRules['weeklyRules'][number];
export type Weekday = WeeklyRule['weekday'];
export type ScheduleException = ScheduleRules['exceptions'][number];
export type ScheduleActor = ProviderScheduleDefinedV2['definedBy'];

export const VISIT_TYPES = ['video', 'audio'] as const satisfies readonly VisitType[];
export const WEEKDAYS = [
  'MO',
  'TU',
  'WE',
  'TH',
  'FR',
  'SA',
  'SU',
] as const satisfies readonly Weekday[];

/**
 * One stretch of a provider's schedule: the rules in force from `effectiveFrom` (a date in the
 * rules' own zone) until the next period starts. Several exist when a change is dated ahead.
 */
export type SchedulePeriod = ScheduleRules;

/** What slot search and booking checks read: every period still in force or ahead, oldest first. */
export interface ProviderSchedule {
  readonly providerId: string;
  readonly periods: readonly SchedulePeriod[];
}

/** The period in force now or last: its clinic and zone are the provider's current ones. */
export function latestPeriod(schedule: ProviderSchedule): SchedulePeriod | undefined {
  return schedule.periods[schedule.periods.length - 1];
}
