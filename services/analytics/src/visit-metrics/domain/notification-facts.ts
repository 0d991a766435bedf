import type { EventDataOf } from '@thc/contracts';
import type { EventFact, FactsOfEvents, MessageFact } from './event-facts';

type Outcome = EventDataOf<
  | 'thc.notifications.NotificationSent.v1'
  | 'thc.notifications.NotificationFailed.v1'
  | 'thc.notifications.NotificationBounced.v1'
>;

/**
 * A delivery outcome's facts: the message's outcome on its channel, and on the visit it is
 * about (if any) that the message exists, with what a reminder reached. Only ids, the kind, the
 * channel and the failure reason: never the recipient, the patient, the server's answer or the
 * content.
 */
function outcomeFacts(
  data: Outcome,
  outcome: MessageFact['outcome'],
  at: string,
): readonly EventFact[] {
  const { messageId, kind, appointmentId } = data;
  const channel = data.channel ?? 'none';
  const fact: MessageFact = {
    kind: 'outcome',
    messageKind: kind,
    ...(appointmentId ? { appointmentId } : {}),
    channel,
    outcome,
    at: new Date(at),
  };
  const message: EventFact = { target: 'message', messageId, fact };
  if (!appointmentId) return [message];
  const reminder = kind === 'reminder';
  const reached =
    reminder && outcome.mark !== 'failed' && channel !== 'none'
      ? { channel, mark: outcome.mark }
      : undefined;
  return [
    message,
    {
      target: 'visit',
      appointmentId,
      fact: { kind: 'message', messageId, reminder, ...(reached ? { reached } : {}) },
    },
  ];
}

/** What the notifications topic tells the visit metrics: each message's outcome per channel. */
export const NOTIFICATION_FACTS = {
  'thc.notifications.NotificationSent.v1': (data) =>
    outcomeFacts(data, { mark: 'sent' }, data.sentAt),
  'thc.notifications.NotificationFailed.v1': (data) =>
    outcomeFacts(data, { mark: 'failed', reason: data.reason }, data.failedAt),
  'thc.notifications.NotificationBounced.v1': (data) =>
    outcomeFacts(data, { mark: 'bounced' }, data.bouncedAt),
} as const satisfies FactsOfEvents;
