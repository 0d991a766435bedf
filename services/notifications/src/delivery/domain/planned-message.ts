import type { EncryptedField, NotificationSentV1 } from '@thc/contracts';

export type MessageKind = NotificationSentV1['kind'];
export type RecipientRole = NotificationSentV1['recipientRole'];
export type Channel = NotificationSentV1['channel'];

/** The visit a message is about, as it stood when the message was planned. */
export interface VisitFacts {
  readonly appointmentId: string;
  readonly start: string;
  readonly end: string;
  /** The clinic's zone; the recipient's own zone, when they have one, wins for wording. */
  readonly timeZone: string;
  readonly visitType: 'video' | 'audio';
}

/**
 * One message to one person, decided from one event and waiting for its time. Everything the
 * wording needs is here or in the person's contact points, so sending reads no other context.
 * Sealed values stay sealed until the moment of sending.
 */
export interface PlannedMessage {
  /** Derived from the trigger and the recipient: every instance plans the same message alike. */
  readonly messageId: string;
  readonly kind: MessageKind;
  readonly recipientId: string;
  readonly recipientRole: RecipientRole;
  readonly patientId: string;
  readonly triggerEventId: string;
  readonly appointmentId?: string;
  readonly sessionId?: string;
  /** Not before (ISO instant). */
  readonly sendAt: string;
  /** Not after: past it the message has lost its point (the visit began, the offer expired). */
  readonly deadline?: string;
  /** Sent inside quiet hours too: the person is waiting for it now. */
  readonly urgent?: boolean;
  readonly visit?: VisitFacts;
  /** For a moved visit: where it was. */
  readonly previousStart?: string;
  /** The join URL, sealed by sessions (binding Session/joinLink). */
  readonly joinLink?: EncryptedField;
  readonly offer?: {
    readonly start: string;
    readonly end: string;
    readonly timeZone: string;
    readonly expiresAt: string;
  };
  /** How long the patient had waited when the "running late" message was planned. */
  readonly waitedMinutes?: number;
  /**
   * The contact given at booking (ReminderDue's, sealed under binding Appointment/contact), used
   * when the person has recorded no contact points of their own.
   */
  readonly fallbackContact?: {
    readonly channel: 'sms' | 'email' | 'voice';
    readonly sealed: EncryptedField;
  };
  /** The calendar entry attached to the e-mail: a new or changed visit, or a cancelled one. */
  readonly calendar?: { readonly method: 'REQUEST' | 'CANCEL'; readonly sequence: number };
}
