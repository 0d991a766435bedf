import type { PlannedMessage } from '../../delivery/domain/planned-message';
import { addressed } from './addressed-message';
import type { KnownAppointment } from './known-appointment';
import type { AppointmentRescheduled, Trigger } from './planning-events';
import { visitRecipients } from './visit-recipients';

/**
 * A moved visit: where it was and where it is now, with the calendar entry replaced (the same
 * entry, a higher sequence). The move names neither patient nor visit type; the appointment as
 * followed so far does.
 */
export function planBookingChanged(
  { eventId, data }: Trigger<AppointmentRescheduled>,
  known: KnownAppointment,
): PlannedMessage[] {
  return visitRecipients(known.patientId, known.caregiverIds).map((recipient) => ({
    ...addressed(eventId, 'booking-changed', recipient, known.patientId),
    appointmentId: data.appointmentId,
    sendAt: data.rescheduledAt,
    deadline: data.start,
    previousStart: data.previousStart,
    visit: {
      appointmentId: data.appointmentId,
      start: data.start,
      end: data.end,
      timeZone: data.timeZone,
      visitType: known.visit.visitType,
    },
    calendar: { method: 'REQUEST', sequence: known.sequence },
  }));
}
