import type { PlannedMessage } from '../../delivery/domain/planned-message';
import { addressed } from './addressed-message';
import type { Trigger, WaitlistSlotOffered } from './planning-events';

/** A freed slot offered to a waitlisted patient, worth sending only while the offer holds. */
export function planWaitlistOffer({
  eventId,
  data,
}: Trigger<WaitlistSlotOffered>): PlannedMessage[] {
  return [
    {
      ...addressed(
        eventId,
        'waitlist-offer',
        { recipientId: data.patientId, recipientRole: 'patient' },
        data.patientId,
      ),
      sendAt: data.offeredAt,
      deadline: data.expiresAt,
      urgent: false,
      offer: {
        start: data.start,
        end: data.end,
        timeZone: data.timeZone,
        expiresAt: data.expiresAt,
      },
    },
  ];
}
