import { DateTime } from 'luxon';
import type { DemoClient } from './demo-client';
import { detailOf } from './demo-client';
import { inPool, Tally } from './demo-progress';
import type { Roster, StaffMember } from './demo-roster';

/** Requests per provider: read the schedule, then write it. */
const PER_PROVIDER = 2;

export function plannedSchedules(roster: Roster): number {
  return roster.staff.filter((s) => s.schedule !== undefined).length * PER_PROVIDER;
}

/**
 * Each provider's weekly telehealth hours in their own zone, with a day of leave now and then.
 * A provider who already has a schedule keeps it: the seed never rewrites what is there.
 */
export async function seedSchedules(
  client: DemoClient,
  roster: Roster,
  tally: Tally,
  coordinatorId: string,
  concurrency: number,
): Promise<void> {
  const as = { role: 'coordinator' as const, subject: coordinatorId };
  // Providers, and interpreters, whom a visit holds the same way.
  const providers = roster.staff.filter((s) => s.schedule !== undefined);
  const pool = { limit: concurrency, weight: () => PER_PROVIDER };
  await inPool('schedules', providers, pool, async (provider) => {
    const path = `/api/v1/providers/${provider.id}/schedule`;
    const existing = await client.call('scheduling', as, 'GET', path);
    if (existing.status === 200) {
      tally.add('provider schedule', 'existing');
      return;
    }
    const reply = await client.call<{ changed: boolean }>(
      'scheduling',
      as,
      'PUT',
      path,
      scheduleBody(provider),
    );
    if (reply.status !== 200)
      tally.add('provider schedule', 'failed', `${reply.status} ${detailOf(reply)}`);
    else tally.add('provider schedule', reply.body.changed ? 'created' : 'existing');
  });
}

function scheduleBody(provider: StaffMember): unknown {
  const plan = provider.schedule;
  if (!plan) throw new Error('only providers and interpreters have schedules');
  const today = DateTime.now().setZone(provider.timeZone).startOf('day');
  return {
    clinicId: provider.clinicId,
    timeZone: provider.timeZone,
    slotMinutes: plan.slotMinutes,
    bufferMinutes: { before: 0, after: plan.bufferAfterMinutes },
    minimumNoticeMinutes: plan.minimumNoticeMinutes,
    bookingHorizonDays: 60,
    ...(plan.onDemand ? {} : { dailyMaxVisits: 14 }),
    weeklyRules: plan.windows.map((w) => ({ ...w, visitTypes: ['video', 'audio'] })),
    exceptions: plan.closedDayOffsets.map((days) => ({
      kind: 'closed',
      date: today.plus({ days }).toISODate(),
    })),
  };
}
