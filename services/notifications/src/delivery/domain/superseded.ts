import type { PlannedMessage } from './planned-message';
import type { VisitStatus } from './visit-status';

/**
 * Whether what happened to the visit since planning makes the message wrong to send. The events
 * already guarantee no stale reminder is decided; this keeps that true for what is actually
 * sent, which may be later (a retry, the end of quiet hours) than what was decided.
 */
export function supersededBy(
  message: PlannedMessage,
  visit: VisitStatus | undefined,
): string | undefined {
  if (!visit) return undefined;
  switch (message.kind) {
    case 'reminder':
    case 'join-link':
    case 'booking-confirmation':
    case 'booking-changed':
      if (visit.status === 'cancelled') return 'the visit was cancelled';
      if (message.visit && Date.parse(message.visit.start) !== Date.parse(visit.start))
        return 'the visit was moved';
      if (
        message.kind !== 'booking-confirmation' &&
        message.kind !== 'booking-changed' &&
        visit.status !== 'booked'
      )
        return `the visit is ${visit.status}`;
      return undefined;
    case 'provider-running-late':
      if (visit.admittedAt) return 'the patient was admitted';
      if (visit.endedAt) return 'the visit ended';
      if (visit.status !== 'booked') return `the visit is ${visit.status}`;
      return undefined;
    case 'survey-invitation':
      return visit.surveyedAt ? 'the patient already answered the survey' : undefined;
    default:
      return undefined;
  }
}
