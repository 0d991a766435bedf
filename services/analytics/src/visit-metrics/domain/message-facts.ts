/** The channels a message goes out on, and `none` for a failure before any channel was tried. */
export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** What became of a message on one channel: sent, refused by the address, or not sent. */
export interface ChannelOutcome {
  readonly sent?: boolean;
  readonly bounced?: boolean;
  /** The failure reason (a code such as `opted-out`, never the server's text). */
  readonly failed?: string;
}

/**
 * What analytics knows about one message (one person, one trigger), gathered from its
 * NotificationSent, NotificationFailed and NotificationBounced events in any order. Ids and
 * codes only: never the recipient, the patient or the content.
 */
export interface MessageFacts {
  readonly _id: string;
  readonly kind?: string;
  /** The visit the message is about, when it is about one: its clinic is the message's. */
  readonly appointmentId?: string;
  /** Outcome per channel; `none` holds a failure that named no channel. */
  readonly channels?: Readonly<Partial<Record<MessageChannel | 'none', ChannelOutcome>>>;
  /** The earliest outcome: the message counts in its calendar month (UTC). */
  readonly firstOutcomeAt?: Date;
  /** The month bucket its counters were last written to, so a move can retract them. */
  readonly bucket?: string;
}

/**
 * Whether a message reached the person on a channel: the server or gateway took it and the
 * address did not refuse it afterwards. The one rule behind the reach rate and "reminded".
 */
export function reachedOn(outcome: ChannelOutcome | undefined): boolean {
  return outcome?.sent === true && outcome.bounced !== true;
}
