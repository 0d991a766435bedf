import type { StaffMember } from './history-roster';
import { Slot, STORY_ROOM_MS, VisitType } from './booking-planner';
import { DAY_MS, dayOf, HOUR_MS } from './history-agenda';
import type { HistoryRandom } from './history-random';
import type { HistoryPatient } from './history-roster';
import type { VisitDeps } from './story';
import { planVisit } from './visit-story';

/** Events one booking attempt leads to, before the history has measured it. */
const FIRST_ESTIMATE_PER_BOOKING = 45;

/**
 * Bookings day by day: as many as keep the history on course for its target number of events
 * (the events per booking are measured as it goes, weekends are quieter), each made by the
 * patient in the portal or by a coordinator, mostly with the patient's own provider, some the
 * same day with an on-demand provider, a few days to weeks ahead, some with an interpreter.
 */
export class VisitPlanner {
  private readonly patients: readonly HistoryPatient[];
  private readonly onDemand: readonly StaffMember[];
  private readonly lastDay: number;
  private attempts = 0;
  private storyEvents = 0;

  constructor(
    private readonly deps: VisitDeps,
    private readonly target: number,
  ) {
    this.patients = [...deps.roster.patients].sort((a, b) => a.since - b.since);
    this.onDemand = deps.roster.providers.filter((p) => p.schedule?.onDemand);
    this.lastDay = dayOf(deps.world.end - STORY_ROOM_MS);
  }

  /** Plans the bookings made on this UTC day; answers how many were made. */
  planDay(day: number): number {
    const { world } = this.deps;
    const remaining = this.target - world.agenda.planned;
    if (remaining <= 0 || day > this.lastDay) return 0;
    const rng = world.random(`bookings:${day}`);
    let weights = 0;
    for (let d = day; d <= this.lastDay; d++) weights += weightOf(d);
    const perAttempt =
      this.attempts >= 50 ? this.storyEvents / this.attempts : FIRST_ESTIMATE_PER_BOOKING;
    const expected = ((remaining / Math.max(1, perAttempt)) * weightOf(day)) / weights;
    const count = Math.floor(expected) + (rng.next() < expected % 1 ? 1 : 0);
    // US business day and evening: 12:00 to 24:00 UTC.
    const times = Array.from({ length: count }, () => day * DAY_MS + rng.between(12, 24) * HOUR_MS)
      .filter((t) => t >= world.start && t < world.end - STORY_ROOM_MS)
      .sort((a, b) => a - b);
    let booked = 0;
    times.forEach((at, n) => {
      const before = world.agenda.planned;
      if (this.book(rng, at, `${day}:${n}`)) booked++;
      this.attempts++;
      this.storyEvents += world.agenda.planned - before;
    });
    return booked;
  }

  private book(rng: HistoryRandom, at: number, name: string): boolean {
    const { world, roster } = this.deps;
    const patient = this.pickPatient(rng, at);
    if (!patient) return false;
    const visitType: VisitType = rng.chance(0.25) ? 'audio' : 'video';
    // Now and then the patient asks first and a coordinator books a few hours later.
    const requestedAt = rng.chance(0.05) ? at : undefined;
    const bookedAt = requestedAt === undefined ? at : at + rng.between(HOUR_MS, 2 * DAY_MS);
    if (bookedAt >= world.end - STORY_ROOM_MS) return false;
    const slot =
      requestedAt === undefined && rng.chance(0.12)
        ? this.urgent(rng, patient, visitType, bookedAt)
        : this.planned(rng, patient, visitType, bookedAt);
    if (!slot) return false;
    const interpreters = roster.interpretersFor(patient.language);
    const interpreter =
      interpreters.length > 0 && rng.chance(0.6) ? rng.pick(interpreters) : undefined;
    planVisit(this.deps, {
      appointmentId: world.id(`appointment:${name}`),
      patient,
      slot,
      visitType,
      bookedAt,
      byPatient: requestedAt === undefined && rng.chance(0.4),
      ...(requestedAt !== undefined ? { requestedAt } : {}),
      ...(interpreter ? { interpreter } : {}),
      ...(rng.chance(0.05) ? { caregiverId: world.id(`caregiver:${patient.id}`) } : {}),
    });
    return true;
  }

  /** Today, with an on-demand provider (they take visits starting within minutes). */
  private urgent(
    rng: HistoryRandom,
    patient: HistoryPatient,
    visitType: VisitType,
    at: number,
  ): Slot | undefined {
    if (this.onDemand.length === 0) return undefined;
    return this.deps.planner.find(rng, rng.pick(this.onDemand), patient.id, visitType, at, 0);
  }

  /** The patient's own provider most of the time, a few days to weeks ahead. */
  private planned(
    rng: HistoryRandom,
    patient: HistoryPatient,
    visitType: VisitType,
    at: number,
  ): Slot | undefined {
    const { roster, planner } = this.deps;
    const lead = rng.chance(0.1) ? 0 : 1 + Math.min(50, Math.floor(rng.exponential(6)));
    const own = roster.providers.find((p) => p.id === patient.primaryProviderId);
    const others = roster.providersOf(patient.clinicId);
    const candidates = [
      ...(own && rng.chance(0.7) ? [own] : []),
      rng.pick(others),
      rng.pick(others),
    ];
    for (const provider of candidates)
      for (let extra = 0; extra < 3; extra++) {
        const slot = planner.find(rng, provider, patient.id, visitType, at, lead + extra);
        if (slot) return slot;
      }
    return undefined;
  }

  /**
   * Any patient who has joined by then, uniformly; patients without an active consent book
   * less (a coordinator usually sees to consent first).
   */
  private pickPatient(rng: HistoryRandom, at: number): HistoryPatient | undefined {
    let low = 0;
    let high = this.patients.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.patients[mid].since <= at) low = mid + 1;
      else high = mid;
    }
    if (low === 0) return undefined;
    for (let tries = 0; tries < 5; tries++) {
      const patient = this.patients[Math.floor(rng.next() * low)];
      if (this.deps.consents.standingAt(patient.id, at).active || rng.chance(0.3)) return patient;
    }
    return undefined;
  }
}

/** Weekends see about a third of a weekday's bookings. */
function weightOf(day: number): number {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6 ? 0.35 : 1;
}
