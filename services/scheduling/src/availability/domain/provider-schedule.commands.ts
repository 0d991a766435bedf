import type { ScheduleActor, ScheduleRules } from './schedule-rules';

interface ScheduleCommandFields {
  readonly providerId: string;
  readonly rules: ScheduleRules;
  /** When the coordinator issued it (ISO-8601); the decider has no clock of its own. */
  readonly issuedAt: string;
  readonly issuedBy: ScheduleActor;
}

/** First schedule of a provider. */
export interface DefineProviderSchedule extends ScheduleCommandFields {
  readonly type: 'DefineProviderSchedule';
}

/** New rules for a provider who has a schedule; booked visits stay where they are. */
export interface ChangeProviderSchedule extends ScheduleCommandFields {
  readonly type: 'ChangeProviderSchedule';
}

export type ProviderScheduleCommand = DefineProviderSchedule | ChangeProviderSchedule;
