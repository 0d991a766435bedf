import type { Channel, PlannedMessage } from './planned-message';
import { FailureReason, MessageOutcomeEvent, OUTCOME_EVENT } from './message-outcome.events';

/** The ids every outcome of a message carries: who, about what, because of which event. */
export type MessageIdentity = Pick<
  PlannedMessage,
  | 'messageId'
  | 'recipientId'
  | 'patientId'
  | 'recipientRole'
  | 'kind'
  | 'triggerEventId'
  | 'appointmentId'
  | 'sessionId'
>;

function aboutMessage(message: MessageIdentity): MessageIdentity {
  return {
    messageId: message.messageId,
    recipientId: message.recipientId,
    patientId: message.patientId,
    recipientRole: message.recipientRole,
    kind: message.kind,
    triggerEventId: message.triggerEventId,
    ...(message.appointmentId ? { appointmentId: message.appointmentId } : {}),
    ...(message.sessionId ? { sessionId: message.sessionId } : {}),
  };
}

/** Details are the server's words, cut short; they never hold an address or the wording. */
const short = (detail: string): string => detail.slice(0, 500);

export function sentEvent(
  message: PlannedMessage,
  channel: Channel,
  attempt: number,
  at: Date,
  providerMessageId?: string,
): MessageOutcomeEvent {
  return {
    type: OUTCOME_EVENT.sent,
    data: {
      ...aboutMessage(message),
      channel,
      attempt,
      ...(providerMessageId ? { providerMessageId: providerMessageId.slice(0, 200) } : {}),
      sentAt: at.toISOString(),
    },
  };
}

export function failedEvent(
  message: PlannedMessage,
  channel: Channel | undefined,
  reason: FailureReason,
  detail: string,
  attempts: number,
  at: Date,
): MessageOutcomeEvent {
  return {
    type: OUTCOME_EVENT.failed,
    data: {
      ...aboutMessage(message),
      ...(channel ? { channel } : {}),
      reason,
      detail: short(detail),
      attempts,
      failedAt: at.toISOString(),
    },
  };
}

export function bouncedEvent(
  message: MessageIdentity,
  channel: Channel,
  detail: string,
  at: Date,
): MessageOutcomeEvent {
  return {
    type: OUTCOME_EVENT.bounced,
    data: { ...aboutMessage(message), channel, detail: short(detail), bouncedAt: at.toISOString() },
  };
}
