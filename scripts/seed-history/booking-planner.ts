import type { BookedInterval } from '../../services/scheduling/src/availability/domain/booked-interval';
import { freeSlots } from '../../services/scheduling/src/availability/domain/free-slots';
import { decideCredential } from '../../services/scheduling/src/credentials/staff-credential.decision';
import type { StaffMember } from './history-roster';
import { DAY_MS, HOUR_MS } from './history-agenda';
import type { HistoryRandom } from './history-random';
import type { ScheduleHistory } from './schedules.history';
import type { TrainingHistory } from './training.history';
import { iso } from './history-world';

export type VisitType = 'video' | 'audio';

export interface Slot {
  readonly provider: StaffMember;
  readonly start: number;
  readonly end: number;
}

/** Time a visit holds: from when it was claimed until it was given back (moved, cancelled). */
interface Held {
  readonly appointmentId: string;
  readonly start: number;
  readonly end: number;
  until: number;
}

/** Room left after a visit's end for its story (the visit itself, the outcome, the survey). */
export const STORY_ROOM_MS = 4 * HOUR_MS;

/**
 * Finds bookable slots the way the scheduling service decides them: the provider's schedule in
 * force (free slots with buffers, notice, horizon, daily maximum, from the service's own pure
 * functions), a current credential lasting past the visit, and no overlap with the provider's or
 * the patient's other visits. Time a later step of a story will claim (a reschedule) counts as
 * taken from the moment the story is planned, so no two stories ever hold the same time.
 */
export class BookingPlanner {
  private readonly providers = new Map<string, Held[]>();
  private readonly patients = new Map<string, Held[]>();

  constructor(
    private readonly end: number,
    private readonly schedules: ScheduleHistory,
    private readonly training: TrainingHistory,
  ) {}

  /** A free slot with this provider on the day `lead` days after `at`, or undefined. */
  find(
    rng: HistoryRandom,
    provider: StaffMember,
    patientId: string,
    visitType: VisitType,
    at: number,
    leadDays: number,
  ): Slot | undefined {
    const schedule = this.schedules.scheduleAt(provider.id, at);
    if (!schedule) return undefined;
    const from = leadDays === 0 ? at : at + leadDays * DAY_MS;
    const to = Math.min(from + DAY_MS, this.end - STORY_ROOM_MS);
    if (to <= from) return undefined;
    const slots = freeSlots(schedule, {
      from: new Date(from),
      to: new Date(to),
      visitType,
      booked: this.bookedOf(provider.id, at),
      now: new Date(at),
    });
    // A patient takes one of the first free slots more often than a late one.
    for (let tries = 0; tries < 3 && slots.length > 0; tries++) {
      const index = Math.floor(rng.next() ** 1.5 * slots.length);
      const slot = slots.splice(index, 1)[0];
      const start = slot.start.getTime();
      const end = slot.end.getTime();
      if (this.patientBusy(patientId, start, end, at)) continue;
      const credential = this.training.credentialAt(provider.id, at);
      if (!decideCredential(credential, new Date(at), iso(end)).allowed) return undefined;
      return { provider, start, end };
    }
    return undefined;
  }

  hold(
    appointmentId: string,
    providerId: string,
    patientId: string,
    start: number,
    end: number,
  ): void {
    const held = { appointmentId, start, end, until: Infinity };
    for (const [owners, id] of [
      [this.providers, providerId],
      [this.patients, patientId],
    ] as const) {
      const list = owners.get(id) ?? [];
      list.push({ ...held });
      owners.set(id, list);
    }
  }

  /** The visit no longer holds this time from `at` on (moved or cancelled). */
  release(
    appointmentId: string,
    providerId: string,
    patientId: string,
    start: number,
    at: number,
  ): void {
    for (const list of [this.providers.get(providerId), this.patients.get(patientId)])
      for (const held of list ?? [])
        if (held.appointmentId === appointmentId && held.start === start) held.until = at;
  }

  private bookedOf(providerId: string, at: number): BookedInterval[] {
    const list = this.prune(this.providers, providerId, at);
    return list
      .filter((held) => held.until > at)
      .map((held) => ({
        appointmentId: held.appointmentId,
        start: new Date(held.start),
        end: new Date(held.end),
      }));
  }

  private patientBusy(patientId: string, start: number, end: number, at: number): boolean {
    return this.prune(this.patients, patientId, at).some(
      (held) => held.until > at && held.start < end && start < held.end,
    );
  }

  /** Visits over for a day no longer matter to a search made now. */
  private prune(owners: Map<string, Held[]>, id: string, at: number): Held[] {
    const list = (owners.get(id) ?? []).filter((held) => held.end > at - DAY_MS);
    owners.set(id, list);
    return list;
  }
}
