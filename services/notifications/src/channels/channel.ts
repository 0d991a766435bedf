/** An e-mail ready to go: addresses and wording opened, for this one send only. */
export interface OutgoingEmail {
  /** Becomes the Message-ID header, so a receiving system can tell a repeat. */
  readonly messageId: string;
  readonly to: string;
  readonly language: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly {
    readonly filename: string;
    readonly content: string;
    readonly contentType: string;
  }[];
}

export interface OutgoingSms {
  readonly messageId: string;
  /** E.164. */
  readonly to: string;
  readonly body: string;
}

/**
 * What a channel said. transient: try again later (a 4xx reply, a timeout, a dropped
 * connection); rejected: the address refused it for good (a 5xx reply) — a bounce;
 * not-configured: the channel cannot send at all here, so the message is undeliverable on it.
 */
export type SendResult =
  | { readonly outcome: 'sent'; readonly providerMessageId?: string }
  | { readonly outcome: 'transient'; readonly detail: string }
  | {
      readonly outcome: 'rejected';
      readonly detail: string;
      /** The gateway's own error code when it gave one (Twilio `21610`, SMTP `550`). */
      readonly providerCode?: string;
      /** The recipient told the gateway to stop (an SMS `STOP`): record an opt-out, not a bounce. */
      readonly optedOut?: true;
    }
  | { readonly outcome: 'not-configured'; readonly detail: string };

export interface EmailChannel {
  send(email: OutgoingEmail): Promise<SendResult>;
}

export interface SmsChannel {
  /** False when no gateway is configured: every SMS is then undeliverable, never pretended. */
  readonly configured: boolean;
  send(sms: OutgoingSms): Promise<SendResult>;
}

export const EMAIL_CHANNEL = Symbol('EMAIL_CHANNEL');
export const SMS_CHANNEL = Symbol('SMS_CHANNEL');
