import { iso } from './history-world';
import { DAY_MS, HOUR_MS } from './history-agenda';
import { planReminders, reactInSessions } from './service-reactions';
import type { Slot } from './booking-planner';
import { optional, Story } from './story';

/** scheduling's default: cancelling within a day of the start is late. */
const LATE_CANCEL_MINUTES = 1440;

export type CancelReason = 'patient-request' | 'provider-unavailable' | 'technical' | 'other';

/*
 * What patients and coordinators do to an appointment through scheduling's API, each decided
 * by the appointment decider at the story's time; sessions and the reminder scheduler follow.
 */

/** The patient asks for a visit in a window; a coordinator books it later. */
export function request(story: Story): void {
  const { booking, timeline, rng } = story;
  const at = timeline.now;
  story.appointment.decide(
    {
      type: 'RequestAppointment',
      appointmentId: booking.appointmentId,
      patientId: booking.patient.id,
      clinicId: booking.patient.clinicId,
      ...(rng.chance(0.6) ? { providerId: booking.slot.provider.id } : {}),
      visitType: booking.visitType,
      window: { earliest: iso(at + HOUR_MS), latest: iso(booking.slot.end + 2 * DAY_MS) },
      timeZone: booking.slot.provider.timeZone,
      ...optional(
        'reason',
        rng.chance(0.3)
          ? story.deps.world.sealed(booking.patient.id, 'Follow-up on my prescription')
          : undefined,
      ),
      at: iso(at),
      by: story.patient,
    },
    at,
    { actor: booking.patient.id },
  );
}

export function book(story: Story): void {
  const { booking, timeline } = story;
  const at = timeline.now;
  const by = booking.byPatient ? story.patient : story.staff;
  story.appointment.decide(
    {
      type: 'BookAppointment',
      appointmentId: booking.appointmentId,
      patientId: booking.patient.id,
      providerId: booking.slot.provider.id,
      clinicId: booking.patient.clinicId,
      visitType: booking.visitType,
      start: iso(booking.slot.start),
      end: iso(booking.slot.end),
      timeZone: booking.slot.provider.timeZone,
      extraParticipants: [
        ...(booking.interpreter
          ? [{ participantId: booking.interpreter.id, role: 'interpreter' as const }]
          : []),
        ...(booking.caregiverId
          ? [{ participantId: booking.caregiverId, role: 'caregiver' as const }]
          : []),
      ],
      at: iso(at),
      by,
    },
    at,
    { actor: by.userId },
  );
  const booked = story.appointment.state;
  if (booked.status !== 'booked') return;
  reactInSessions(story, {
    type: 'CreateSession',
    sessionId: story.sessionId,
    appointmentId: booking.appointmentId,
    patientId: booked.patientId,
    providerId: booked.providerId,
    clinicId: booked.clinicId,
    visitType: booked.visitType,
    start: booked.start,
    end: booked.end,
    participants: booked.participants,
    at: '',
  });
  planReminders(story, booked.start);
}

export function reschedule(story: Story, slot: Slot): void {
  const { booking, timeline, rng } = story;
  const at = timeline.now;
  const by = rng.chance(0.6) ? story.patient : story.staff;
  story.appointment.decide(
    {
      type: 'RescheduleAppointment',
      providerId: slot.provider.id,
      start: iso(slot.start),
      end: iso(slot.end),
      timeZone: slot.provider.timeZone,
      ...optional(
        'reason',
        rng.chance(0.25)
          ? story.deps.world.sealed(booking.patient.id, 'Cannot make it, work shift')
          : undefined,
      ),
      at: iso(at),
      by,
    },
    at,
    { actor: by.userId },
  );
  reactInSessions(story, {
    type: 'MoveSession',
    providerId: slot.provider.id,
    start: iso(slot.start),
    end: iso(slot.end),
    at: '',
  });
  planReminders(story, iso(slot.start));
}

export function cancel(story: Story, reasonCode: CancelReason, byPatient: boolean): void {
  const { booking, timeline, rng } = story;
  const at = timeline.now;
  const by = byPatient ? story.patient : story.staff;
  story.appointment.decide(
    {
      type: 'CancelAppointment',
      reasonCode,
      ...optional(
        'reason',
        rng.chance(0.25)
          ? story.deps.world.sealed(booking.patient.id, 'Feeling better, no longer needed')
          : undefined,
      ),
      lateCancelWindowMinutes: LATE_CANCEL_MINUTES,
      at: iso(at),
      by,
    },
    at,
    { actor: by.userId },
  );
  reactInSessions(story, {
    type: 'CloseSession',
    at: '',
    by: { kind: 'system', service: 'sessions' },
  });
}

/** Cancels on the visit day itself (a start refused for want of consent), as a coordinator. */
export function cancelOnTheDay(story: Story): void {
  cancel(story, 'other', false);
}
