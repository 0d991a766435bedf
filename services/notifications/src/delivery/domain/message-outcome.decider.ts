import type { Decider } from '@thc/event-store/decider';
import type { Channel } from './planned-message';
import { MessageOutcomeEvent, OUTCOME_EVENT } from './message-outcome.events';
import type { MessageIdentity } from './outcome-events';

function identityOf(data: MessageIdentity): MessageIdentity {
  const { messageId, recipientId, patientId, recipientRole, kind, triggerEventId } = data;
  return {
    messageId,
    recipientId,
    patientId,
    recipientRole,
    kind,
    triggerEventId,
    ...(data.appointmentId ? { appointmentId: data.appointmentId } : {}),
    ...(data.sessionId ? { sessionId: data.sessionId } : {}),
  };
}

/** Where the message stands on each channel; `none` for an outcome reached before choosing one. */
export type ChannelKey = Channel | 'none';
export interface MessageOutcomes {
  readonly byChannel: Readonly<Partial<Record<ChannelKey, 'sent' | 'failed' | 'bounced'>>>;
  /** Who and what the message was, from its first outcome: what a later bounce repeats. */
  readonly about?: MessageIdentity;
}

export interface RecordOutcome {
  readonly type: 'RecordOutcome';
  readonly event: MessageOutcomeEvent;
}

const channelOf = (event: MessageOutcomeEvent): ChannelKey => event.data.channel ?? 'none';

/**
 * One outcome per message and channel, whoever records it: an instance that sent and one that
 * gave up cannot both be right, so the second finds the channel decided and records nothing.
 * A bounce may follow a sent message (the address refused it later), once.
 */
export function decideOutcome(
  command: RecordOutcome,
  state: MessageOutcomes,
): readonly MessageOutcomeEvent[] {
  const { event } = command;
  const current = state.byChannel[channelOf(event)];
  if (event.type === OUTCOME_EVENT.bounced)
    return current === undefined || current === 'sent' ? [event] : [];
  return current === undefined ? [event] : [];
}

export function evolveOutcomes(
  state: MessageOutcomes,
  event: MessageOutcomeEvent,
): MessageOutcomes {
  const outcome =
    event.type === OUTCOME_EVENT.sent
      ? 'sent'
      : event.type === OUTCOME_EVENT.failed
        ? 'failed'
        : 'bounced';
  return {
    byChannel: { ...state.byChannel, [channelOf(event)]: outcome },
    about: state.about ?? identityOf(event.data),
  };
}

export const messageOutcomeDecider: Decider<MessageOutcomes, RecordOutcome, MessageOutcomeEvent> = {
  decide: decideOutcome,
  evolve: evolveOutcomes,
  initialState: () => ({ byChannel: {} }),
};
