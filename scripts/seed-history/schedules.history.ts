import type { ProviderScheduleCommand } from '../../services/scheduling/src/availability/domain/provider-schedule.commands';
import {
  providerScheduleDecider,
  ProviderScheduleDefined,
  ProviderScheduleState,
  providerScheduleStream,
} from '../../services/scheduling/src/availability/domain/provider-schedule.decider';
import type {
  ProviderSchedule,
  ScheduleException,
  ScheduleRules,
  Weekday,
} from '../../services/scheduling/src/availability/domain/schedule-rules';
import { addDays, localDateOf } from '../../services/scheduling/src/availability/domain/wall-clock';
import { DAY_MS, MINUTE_MS } from './history-agenda';
import type { HistoryRoster } from './history-roster';
import { HistoryWorld, iso, StreamWriter } from './history-world';

export interface ScheduleRecord {
  readonly providerId: string;
  readonly clinicId: string;
  readonly schedule: ProviderSchedule;
  readonly version: number;
}

export interface ScheduleHistory {
  /** The schedule slot search and booking checks read at an instant. */
  scheduleAt(providerId: string, at: number): ProviderSchedule | undefined;
  readonly final: readonly ScheduleRecord[];
}

const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

/**
 * Each provider's schedule: defined by their clinic's coordinator when the program starts (the
 * weekly hours of the demo roster), then changed every few months to close a week of leave two
 * to three months ahead (beyond the booking horizon, so no booked visit falls in it); some
 * providers take on another weekday half-way through.
 */
export function planSchedules(world: HistoryWorld, roster: HistoryRoster): ScheduleHistory {
  const timelines = new Map<string, { at: number; schedule: ProviderSchedule }[]>();
  const final = roster.providers.flatMap((provider): ScheduleRecord[] => {
    const plan = provider.schedule;
    if (!plan) return [];
    const rng = world.random(`schedule:${provider.id}`);
    const coordinator = roster.coordinatorsOf(provider.clinicId)[0];
    if (!coordinator) throw new Error(`clinic ${provider.clinicId} has no coordinator`);
    const by = { kind: 'user', userId: coordinator.id, role: 'coordinator' } as const;
    const writer = new StreamWriter<
      ProviderScheduleState,
      ProviderScheduleCommand,
      ProviderScheduleDefined
    >(world, 'scheduling', providerScheduleStream(provider.id), providerScheduleDecider);
    const timeline: { at: number; schedule: ProviderSchedule }[] = [];
    const save = (type: ProviderScheduleCommand['type'], rules: ScheduleRules, at: number) => {
      writer.decide({ type, providerId: provider.id, rules, issuedAt: iso(at), issuedBy: by }, at, {
        actor: coordinator.id,
      });
      if (writer.state.status === 'defined') timeline.push({ at, schedule: writer.state.schedule });
    };

    const definedAt = world.start + rng.between(10 * MINUTE_MS, 2 * 60 * MINUTE_MS);
    let rules: ScheduleRules = {
      clinicId: provider.clinicId,
      timeZone: provider.timeZone,
      slotMinutes: { ...plan.slotMinutes },
      bufferMinutes: { before: 0, after: plan.bufferAfterMinutes },
      minimumNoticeMinutes: plan.minimumNoticeMinutes,
      bookingHorizonDays: 60,
      ...(plan.onDemand ? {} : { dailyMaxVisits: 14 }),
      weeklyRules: plan.windows.map((w) => ({ ...w, visitTypes: ['video', 'audio'] })),
      exceptions: [],
      effectiveFrom: localDateOf(definedAt, provider.timeZone),
    };
    save('DefineProviderSchedule', rules, definedAt);

    const extraDayAt = !plan.onDemand && rng.chance(0.15) ? rng.between(0.3, 0.7) : undefined;
    let extraDone = false;
    for (
      let at = definedAt + rng.between(20, 100) * DAY_MS;
      at < world.end;
      at += rng.between(70, 110) * DAY_MS
    ) {
      const today = localDateOf(at, provider.timeZone);
      const weeklyRules: ScheduleRules['weeklyRules'] =
        extraDayAt !== undefined &&
        !extraDone &&
        at > world.start + extraDayAt * (world.end - world.start)
          ? withAnotherWeekday(rules)
          : rules.weeklyRules;
      extraDone ||= weeklyRules !== rules.weeklyRules;
      rules = {
        ...rules,
        weeklyRules,
        exceptions: [
          ...rules.exceptions.filter((e) => e.date >= today),
          ...leave(addDays(today, rng.int(65, 85)), rng.int(3, 7)),
        ],
        effectiveFrom: today,
      };
      save('ChangeProviderSchedule', rules, at);
    }
    timelines.set(provider.id, timeline);
    if (writer.state.status !== 'defined') return [];
    return [
      {
        providerId: provider.id,
        clinicId: provider.clinicId,
        schedule: writer.state.schedule,
        version: writer.version,
      },
    ];
  });
  return {
    scheduleAt: (providerId, at) =>
      [...(timelines.get(providerId) ?? [])].reverse().find((entry) => entry.at <= at)?.schedule,
    final,
  };
}

function leave(firstDay: string, days: number): ScheduleException[] {
  return Array.from(
    { length: days },
    (_, i) => ({ kind: 'closed', date: addDays(firstDay, i) }) as const,
  );
}

/** The provider's first day's hours, also on a weekday they did not work. */
function withAnotherWeekday(rules: ScheduleRules): ScheduleRules['weeklyRules'] {
  const worked = new Set(rules.weeklyRules.map((r) => r.weekday));
  const free = WEEKDAYS.find((day) => !worked.has(day));
  const first = rules.weeklyRules[0];
  if (!free || !first) return rules.weeklyRules;
  const hours = rules.weeklyRules.filter((r) => r.weekday === first.weekday);
  return [...rules.weeklyRules, ...hours.map((r) => ({ ...r, weekday: free }))];
}
