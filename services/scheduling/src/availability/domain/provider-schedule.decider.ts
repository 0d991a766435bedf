import type { Decider } from '@thc/event-store/decider';
import type { ProviderScheduleDefinedV2 } from '@thc/contracts';
import { isDeepStrictEqual } from 'node:util';
import type { ProviderScheduleCommand } from './provider-schedule.commands';
import {
  InvalidScheduleRules,
  ScheduleAlreadyDefined,
  ScheduleNotDefined,
} from './provider-schedule.errors';
import { withPeriod } from './schedule-periods';
import type { ProviderSchedule, ScheduleRules } from './schedule-rules';
import { validateScheduleRules } from './schedule-rules.validation';

export const PROVIDER_SCHEDULE_DEFINED = 'thc.scheduling.ProviderScheduleDefined.v2';

export interface ProviderScheduleDefined {
  readonly type: typeof PROVIDER_SCHEDULE_DEFINED;
  readonly data: ProviderScheduleDefinedV2;
}

export type ProviderScheduleState =
  | { readonly status: 'undefined' }
  | {
      readonly status: 'defined';
      readonly schedule: ProviderSchedule;
      readonly latest: ScheduleRules;
    };

export const providerScheduleStream = (providerId: string): string =>
  `provider-schedule-${providerId}`;

function rulesOf(data: ProviderScheduleDefinedV2): ScheduleRules {
  const { providerId: _provider, definedAt: _at, definedBy: _by, ...rules } = data;
  return rules;
}

function decide(
  command: ProviderScheduleCommand,
  state: ProviderScheduleState,
): readonly ProviderScheduleDefined[] {
  if (command.type === 'DefineProviderSchedule' && state.status === 'defined')
    throw new ScheduleAlreadyDefined(command.providerId);
  if (command.type === 'ChangeProviderSchedule' && state.status === 'undefined')
    throw new ScheduleNotDefined(command.providerId);
  const violations = validateScheduleRules(command.rules);
  if (violations.length > 0) throw new InvalidScheduleRules(violations);
  // The same rules again change nothing, so a retried PUT appends nothing.
  if (state.status === 'defined' && isDeepStrictEqual(state.latest, command.rules)) return [];
  return [
    {
      type: PROVIDER_SCHEDULE_DEFINED,
      data: {
        providerId: command.providerId,
        ...command.rules,
        definedAt: command.issuedAt,
        definedBy: command.issuedBy,
      },
    },
  ];
}

function evolve(
  state: ProviderScheduleState,
  event: ProviderScheduleDefined,
): ProviderScheduleState {
  const rules = rulesOf(event.data);
  const periods = state.status === 'defined' ? state.schedule.periods : [];
  return {
    status: 'defined',
    schedule: { providerId: event.data.providerId, periods: withPeriod(periods, rules) },
    latest: rules,
  };
}

/**
 * A provider's telehealth schedule, one stream per provider. Each definition replaces the
 * rules from its `effectiveFrom` on; earlier periods stay for the dates before it. Appointments
 * are not part of this stream, so no change of rules can move one.
 */
export const providerScheduleDecider: Decider<
  ProviderScheduleState,
  ProviderScheduleCommand,
  ProviderScheduleDefined
> = {
  initialState: () => ({ status: 'undefined' }),
  decide,
  evolve,
};
