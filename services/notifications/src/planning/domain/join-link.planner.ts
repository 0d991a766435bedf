import type { PlannedMessage, VisitFacts } from '../../delivery/domain/planned-message';
import { addressed } from './addressed-message';
import { later, minutesAfter } from './instants';
import type { JoinLinkDeliveryRequested, Trigger } from './planning-events';

/**
 * A participant's own join link, sealed as sessions sent it: at the lead time before the visit
 * (never before it was asked for), or at once, urgently, when a coordinator sent a new one. The
 * provider takes theirs in the console and gets no message.
 */
export function planJoinLink(
  { eventId, data }: Trigger<JoinLinkDeliveryRequested>,
  leadMinutes: number,
  visit: VisitFacts | undefined,
): PlannedMessage[] {
  if (data.role === 'provider') return [];
  const now = data.deliver === 'now';
  return [
    {
      ...addressed(
        eventId,
        'join-link',
        { recipientId: data.participantId, recipientRole: data.role },
        data.patientId,
      ),
      appointmentId: data.appointmentId,
      sessionId: data.sessionId,
      sendAt: now
        ? data.requestedAt
        : later(minutesAfter(data.visitStart, -leadMinutes), data.requestedAt),
      deadline: data.expiresAt,
      urgent: now,
      joinLink: data.link,
      ...(visit ? { visit } : {}),
    },
  ];
}
