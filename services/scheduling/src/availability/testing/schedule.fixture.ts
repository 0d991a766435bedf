import type { ProviderSchedule, ScheduleRules, WeeklyRule } from '../domain/schedule-rules';

/** Test data only: a provider's rules, open Monday to Sunday unless a test says otherwise. */
export const PROVIDER_ID = '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03';
export const CLINIC_ID = '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06';

export const everyDay = (start: string, end: string): WeeklyRule[] =>
  (['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const).map((weekday) => ({
    weekday,
    start,
    end,
    visitTypes: ['video', 'audio'],
  }));

export function rules(overrides: Partial<ScheduleRules> = {}): ScheduleRules {
  return {
    clinicId: CLINIC_ID,
    timeZone: 'America/New_York',
    slotMinutes: { video: 30, audio: 20 },
    bufferMinutes: { before: 0, after: 0 },
    minimumNoticeMinutes: 0,
    bookingHorizonDays: 730,
    weeklyRules: everyDay('09:00', '17:00'),
    exceptions: [],
    effectiveFrom: '2026-01-01',
    ...overrides,
  };
}

export const scheduleOf = (...periods: ScheduleRules[]): ProviderSchedule => ({
  providerId: PROVIDER_ID,
  periods,
});
