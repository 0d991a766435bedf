import type { PlannedMessage, VisitFacts } from '../../delivery/domain/planned-message';
import { addressed } from './addressed-message';
import type { ReminderDue, Trigger } from './planning-events';

/**
 * A reminder due before the visit, to the patient, with the contact given at booking to fall
 * back on. The visit is the one followed from its booking; a visit this service never saw
 * booked is named by what the reminder carries (its start; its length and zone unknown).
 */
export function planReminder(
  { eventId, data }: Trigger<ReminderDue>,
  visit: VisitFacts | undefined,
): PlannedMessage[] {
  return [
    {
      ...addressed(
        eventId,
        'reminder',
        { recipientId: data.patientId, recipientRole: 'patient' },
        data.patientId,
      ),
      appointmentId: data.appointmentId,
      sendAt: data.dueAt,
      deadline: data.appointmentStart,
      visit: visit ?? {
        appointmentId: data.appointmentId,
        start: data.appointmentStart,
        end: data.appointmentStart,
        timeZone: 'UTC',
        visitType: data.visitType,
      },
      fallbackContact: { channel: data.channel, sealed: data.contact },
    },
  ];
}
