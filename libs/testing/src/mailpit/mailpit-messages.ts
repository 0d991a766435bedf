/**
 * The shapes of Mailpit's REST API (v1.33) that tests read, with Mailpit's own field names, so
 * a field here is the field in its API documentation (server/apiv1 and internal/storage).
 */

/** A mailbox as Mailpit parsed it from a header (`Name` is empty when there was none). */
export interface MailAddress {
  readonly Name: string;
  readonly Address: string;
}

/** One message in a list or search result (GET /api/v1/search). */
export interface MailSummary {
  /** Mailpit's database id: the key for `message`, `headers`, `attachment`. */
  readonly ID: string;
  /** The Message-ID header, without angle brackets. */
  readonly MessageID: string;
  readonly From: MailAddress | null;
  readonly To: readonly MailAddress[];
  readonly Cc: readonly MailAddress[] | null;
  readonly Bcc: readonly MailAddress[] | null;
  readonly Subject: string;
  /** When Mailpit received it, RFC 3339. */
  readonly Created: string;
  /** Number of attachments (inline parts not counted). */
  readonly Attachments: number;
  /** Up to 250 characters of the text. */
  readonly Snippet: string;
  readonly Size: number;
}

/** An attachment or inline part of a message. */
export interface MailAttachment {
  /** Key for `attachment(id, partId)`, e.g. "2". */
  readonly PartID: string;
  readonly FileName: string;
  /** Without parameters: `text/calendar`, not `text/calendar; method=REQUEST`. */
  readonly ContentType: string;
  readonly ContentID: string;
  readonly Size: number;
}

/** One message in full (GET /api/v1/message/{ID}). */
export interface MailMessage {
  readonly ID: string;
  readonly MessageID: string;
  readonly From: MailAddress | null;
  readonly To: readonly MailAddress[];
  readonly Cc: readonly MailAddress[] | null;
  readonly Bcc: readonly MailAddress[] | null;
  readonly ReplyTo: readonly MailAddress[];
  readonly Subject: string;
  /** The Date header, or the time received when it had none. */
  readonly Date: string;
  /** The text/plain body, decoded. */
  readonly Text: string;
  /** The text/html body, decoded; empty when the message had none. */
  readonly HTML: string;
  readonly Attachments: readonly MailAttachment[];
  readonly Inline: readonly MailAttachment[];
  readonly Size: number;
}

/** Every header of a message, by name, each with its values in order. */
export type MailHeaders = Readonly<Record<string, readonly string[]>>;

/** An SMTP failure Mailpit injects: `ErrorCode` (400-599) with `Probability` percent. */
export interface ChaosTrigger {
  readonly errorCode: number;
  /** 0 to 100; 100 fails every time. */
  readonly probability: number;
}

/** Where Mailpit's chaos fails a conversation: MAIL FROM, RCPT TO, or AUTH. */
export interface ChaosTriggers {
  readonly sender?: ChaosTrigger;
  readonly recipient?: ChaosTrigger;
  readonly authentication?: ChaosTrigger;
}
