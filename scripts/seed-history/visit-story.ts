import { appointmentDecider } from '../../services/scheduling/src/appointments/domain/appointment.decider';
import { appointmentStreamId } from '../../services/scheduling/src/appointments/domain/appointment.events';
import { decideCredential } from '../../services/scheduling/src/credentials/staff-credential.decision';
import { sessionDecider } from '../../services/sessions/src/visits/domain/session.decider';
import { sessionStreamId } from '../../services/sessions/src/visits/domain/session.events';
import { sessionIdOf } from '../../services/sessions/src/visits/domain/session-id';
import { book, cancel, CancelReason, request, reschedule } from './appointment-steps';
import type { Slot } from './booking-planner';
import { DAY_MS, HOUR_MS, Timeline } from './history-agenda';
import { iso, StreamWriter } from './history-world';
import { Booking, step, Story, UserActor, VisitDeps } from './story';
import { planVisitDay } from './visit-day';

/**
 * One appointment from booking to outcome, and its virtual visit, each command decided by its
 * service's decider at its own time: the booking (after a request, now and then), sessions
 * creating the visit, reminders as the scheduler emits them, a reschedule or a cancellation for
 * some (a provider whose credential lapses has their visits cancelled), and on the day the
 * visit itself (`visit-day.ts`), whose end scheduling records on the appointment.
 */
export function planVisit(deps: VisitDeps, booking: Booking): void {
  const { world, planner } = deps;
  const rng = world.random(`visit:${booking.appointmentId}`);
  const sessionId = sessionIdOf(booking.appointmentId);
  const coordinator = rng.pick(deps.roster.coordinatorsOf(booking.patient.clinicId));
  const user = (userId: string, role: UserActor['role']): UserActor => ({
    kind: 'user',
    userId,
    role,
  });
  const story: Story = {
    deps,
    booking,
    rng,
    timeline: new Timeline(world.end),
    appointment: new StreamWriter(
      world,
      'scheduling',
      appointmentStreamId(booking.appointmentId),
      appointmentDecider,
    ),
    session: new StreamWriter(world, 'sessions', sessionStreamId(sessionId), sessionDecider),
    sessionId,
    coordinator,
    patient: user(booking.patient.id, 'patient'),
    provider: user(booking.slot.provider.id, 'provider'),
    staff: user(coordinator.id, 'coordinator'),
  };
  const { slot, patient } = booking;
  const { timeline } = story;
  planner.hold(booking.appointmentId, slot.provider.id, patient.id, slot.start, slot.end);
  const requestedAt = booking.requestedAt;
  if (requestedAt !== undefined)
    timeline.at(requestedAt, () => step(story, 'request', () => request(story)));
  timeline.at(booking.bookedAt, () => step(story, 'book', () => book(story)));

  let current = slot;
  let movedAt = booking.bookedAt;
  if (rng.chance(0.07) && slot.start - booking.bookedAt > 12 * HOUR_MS) {
    const at = booking.bookedAt + rng.between(0.1, 0.7) * (slot.start - booking.bookedAt);
    const moved = planner.find(
      rng,
      slot.provider,
      patient.id,
      booking.visitType,
      at,
      rng.int(1, 10),
    );
    if (moved) {
      planner.hold(booking.appointmentId, moved.provider.id, patient.id, moved.start, moved.end);
      planner.release(booking.appointmentId, slot.provider.id, patient.id, slot.start, at);
      timeline.at(at, () => step(story, 'reschedule', () => reschedule(story, moved)));
      current = moved;
      movedAt = at;
    }
  }
  const cancelled = plannedCancellation(story, current, movedAt);
  if (cancelled) {
    planner.release(
      booking.appointmentId,
      current.provider.id,
      patient.id,
      current.start,
      cancelled.at,
    );
    timeline.at(cancelled.at, () =>
      step(story, 'cancel', () => cancel(story, cancelled.reason, cancelled.byPatient)),
    );
  } else {
    planVisitDay(story, current, movedAt);
  }
  timeline.run();
}

interface PlannedCancel {
  readonly at: number;
  readonly reason: CancelReason;
  readonly byPatient: boolean;
}

/**
 * About one visit in eleven is cancelled, a third of them within a day of the start (late);
 * a visit whose provider will not hold a current credential at the time is cancelled by a
 * coordinator before it.
 */
function plannedCancellation(story: Story, slot: Slot, after: number): PlannedCancel | undefined {
  const { rng, deps } = story;
  const credential = deps.training.credentialAt(slot.provider.id, slot.start);
  if (!decideCredential(credential, new Date(slot.start), iso(slot.end)).allowed) {
    const lead = slot.start - after;
    const at = Math.min(
      after + 0.8 * lead,
      Math.max(after + 0.2 * lead, slot.start - rng.between(2, 48) * HOUR_MS),
    );
    return { at, reason: 'provider-unavailable', byPatient: false };
  }
  if (!rng.chance(0.09)) return undefined;
  const lead = slot.start - after;
  const late = rng.chance(0.35) || lead < 2 * DAY_MS;
  const at = late
    ? slot.start - rng.between(0.05, 0.95) * Math.min(lead, DAY_MS)
    : after + rng.between(0.05, 0.9) * (lead - DAY_MS);
  const byPatient = rng.chance(0.65);
  const reason = byPatient
    ? 'patient-request'
    : rng.weighted<PlannedCancel['reason']>([
        ['provider-unavailable', 50],
        ['technical', 15],
        ['other', 35],
      ]);
  return { at, reason, byPatient };
}
