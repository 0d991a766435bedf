import { deciderSpec } from '@thc/testing';
import type { ProviderScheduleCommand } from './provider-schedule.commands';
import {
  PROVIDER_SCHEDULE_DEFINED,
  providerScheduleDecider,
  ProviderScheduleDefined,
} from './provider-schedule.decider';
import {
  InvalidScheduleRules,
  ScheduleAlreadyDefined,
  ScheduleNotDefined,
} from './provider-schedule.errors';
import type { ScheduleRules } from './schedule-rules';
import { everyDay, PROVIDER_ID, rules } from '../testing/schedule.fixture';

const given = deciderSpec(providerScheduleDecider);
const coordinator = {
  kind: 'user',
  userId: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04',
  role: 'coordinator',
} as const;
const at = '2026-02-20T16:30:00Z';

const command = (
  type: ProviderScheduleCommand['type'],
  withRules: ScheduleRules = rules(),
): ProviderScheduleCommand => ({
  type,
  providerId: PROVIDER_ID,
  rules: withRules,
  issuedAt: at,
  issuedBy: coordinator,
});

const defined = (withRules: ScheduleRules = rules()): ProviderScheduleDefined => ({
  type: PROVIDER_SCHEDULE_DEFINED,
  data: { providerId: PROVIDER_ID, ...withRules, definedAt: at, definedBy: coordinator },
});

const afternoons = rules({ weeklyRules: everyDay('13:00', '17:00'), effectiveFrom: '2026-04-01' });

describe('provider schedule decider', () => {
  describe('DefineProviderSchedule', () => {
    it('defines the first schedule', () =>
      given([]).when(command('DefineProviderSchedule')).then([defined()]));

    it('refuses a second definition', () =>
      given([defined()]).when(command('DefineProviderSchedule')).then(ScheduleAlreadyDefined));

    it('refuses broken rules, naming the field', () =>
      given([])
        .when(command('DefineProviderSchedule', rules({ timeZone: 'Mars/Olympus_Mons' })))
        .then(
          new InvalidScheduleRules([
            { field: 'timeZone', reason: 'Mars/Olympus_Mons is not an IANA time zone' },
          ]),
        ));
  });

  describe('ChangeProviderSchedule', () => {
    it('replaces the rules with the whole new schedule', () =>
      given([defined()])
        .when(command('ChangeProviderSchedule', afternoons))
        .then([defined(afternoons)]));

    it('changes nothing when the rules are the same (a retried PUT)', () =>
      given([defined(afternoons)])
        .when(command('ChangeProviderSchedule', afternoons))
        .then([]));

    it('refuses a change before any definition', () =>
      given([]).when(command('ChangeProviderSchedule')).then(ScheduleNotDefined));

    it('refuses overlapping windows', () =>
      given([defined()])
        .when(
          command(
            'ChangeProviderSchedule',
            rules({
              weeklyRules: [
                { weekday: 'MO', start: '09:00', end: '12:00', visitTypes: ['video'] },
                { weekday: 'MO', start: '11:00', end: '13:00', visitTypes: ['audio'] },
              ],
            }),
          ),
        )
        .then(InvalidScheduleRules));
  });

  describe('state', () => {
    const fold = (events: ProviderScheduleDefined[]) =>
      events.reduce(providerScheduleDecider.evolve, providerScheduleDecider.initialState());

    it('keeps the earlier rules for the dates before a change dated ahead', () => {
      const state = fold([defined(), defined(afternoons)]);
      expect(state.status === 'defined' && state.schedule.periods).toEqual([rules(), afternoons]);
    });

    it('drops periods that a change starting earlier replaces', () => {
      const sooner = rules({
        effectiveFrom: '2026-03-01',
        weeklyRules: everyDay('08:00', '09:00'),
      });
      const state = fold([defined(), defined(afternoons), defined(sooner)]);
      expect(state.status === 'defined' && state.schedule.periods).toEqual([rules(), sooner]);
    });
  });
});
