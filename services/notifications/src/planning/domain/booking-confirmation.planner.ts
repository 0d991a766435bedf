import type { PlannedMessage } from '../../delivery/domain/planned-message';
import { addressed } from './addressed-message';
import type { AppointmentBooked, Trigger } from './planning-events';
import { caregiversOf, visitRecipients } from './visit-recipients';

/**
 * A booked visit is confirmed to the patient (and their caregiver) at once, with a calendar
 * entry; past the start it has lost its point.
 */
export function planBookingConfirmation({
  eventId,
  data,
}: Trigger<AppointmentBooked>): PlannedMessage[] {
  return visitRecipients(data.patientId, caregiversOf(data.participants)).map((recipient) => ({
    ...addressed(eventId, 'booking-confirmation', recipient, data.patientId),
    appointmentId: data.appointmentId,
    sendAt: data.bookedAt,
    deadline: data.start,
    visit: {
      appointmentId: data.appointmentId,
      start: data.start,
      end: data.end,
      timeZone: data.timeZone,
      visitType: data.visitType,
    },
    calendar: { method: 'REQUEST', sequence: 0 },
  }));
}
