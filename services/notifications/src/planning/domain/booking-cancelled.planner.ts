import type { PlannedMessage } from '../../delivery/domain/planned-message';
import { addressed } from './addressed-message';
import { DAY_MINUTES, minutesAfter } from './instants';
import type { KnownAppointment } from './known-appointment';
import type { AppointmentCancelled, Trigger } from './planning-events';
import { visitRecipients } from './visit-recipients';

/**
 * A cancelled visit, with the calendar entry withdrawn. Not urgent: it may wait out quiet hours,
 * but not past a day after the time the visit would have been.
 */
export function planBookingCancelled(
  { eventId, data }: Trigger<AppointmentCancelled>,
  known: KnownAppointment,
): PlannedMessage[] {
  return visitRecipients(known.patientId, known.caregiverIds).map((recipient) => ({
    ...addressed(eventId, 'booking-cancelled', recipient, known.patientId),
    appointmentId: data.appointmentId,
    sendAt: data.cancelledAt,
    deadline: minutesAfter(known.visit.start, DAY_MINUTES),
    visit: known.visit,
    calendar: { method: 'CANCEL', sequence: known.sequence },
  }));
}
