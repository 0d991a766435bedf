import { derivedEventId } from '@thc/event-store/decider';
import type {
  MessageKind,
  PlannedMessage,
  RecipientRole,
} from '../../delivery/domain/planned-message';

/** Someone a message goes to, as a participant of the visit. */
export interface Recipient {
  readonly recipientId: string;
  readonly recipientRole: RecipientRole;
}

/**
 * The id of the message one trigger plans for one person: every instance, and every redelivery,
 * names it alike, so the queue keeps one and the outcome stream is the same.
 */
export function messageIdOf(
  triggerEventId: string,
  recipientId: string,
  kind: MessageKind,
): string {
  return derivedEventId(`${triggerEventId}/${recipientId}/${kind}`);
}

/** The fields every planned message has: who it is for, why, and about whose visit. */
export function addressed(
  triggerEventId: string,
  kind: MessageKind,
  recipient: Recipient,
  patientId: string,
): Pick<
  PlannedMessage,
  'messageId' | 'kind' | 'recipientId' | 'recipientRole' | 'patientId' | 'triggerEventId'
> {
  return {
    messageId: messageIdOf(triggerEventId, recipient.recipientId, kind),
    kind,
    recipientId: recipient.recipientId,
    recipientRole: recipient.recipientRole,
    patientId,
    triggerEventId,
  };
}
