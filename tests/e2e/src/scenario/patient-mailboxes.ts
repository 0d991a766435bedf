import { MailpitClient } from '@thc/testing';
import { ContactBook } from './contact-preferences.steps';

/** The calendar entry a message carries (`visit.ics`): which visit, and what it does to it. */
export interface CalendarEntry {
  readonly uid: string;
  /** REQUEST adds or moves the visit, CANCEL removes it. */
  readonly method: string;
}

/** One e-mail as it reached a patient's mailbox. */
export interface DeliveredMail {
  /** The notifications message id, read from the Message-ID header `<messageId@notifications.thc>`. */
  readonly messageId: string;
  readonly subject: string;
  /** When Mailpit accepted it. */
  readonly receivedAt: Date;
  readonly calendar?: CalendarEntry;
}

const MESSAGE_ID_DOMAIN = '@notifications.thc';

/**
 * Reads every patient's mailbox in the run's Mailpit, oldest message first. The calendar entry of
 * a message never changes, so it is read once per message however often the mailboxes are read.
 */
export class PatientMailboxes {
  private readonly calendars = new Map<string, CalendarEntry | undefined>();

  constructor(private readonly mailpit: MailpitClient) {}

  async read(contacts: ContactBook): Promise<Map<string, DeliveredMail[]>> {
    const boxes = new Map<string, DeliveredMail[]>();
    for (const [patientId, { email }] of contacts) {
      const mails: DeliveredMail[] = [];
      for (const summary of await this.mailpit.messagesTo(email)) {
        const calendar = summary.Attachments > 0 ? await this.calendarOf(summary.ID) : undefined;
        mails.push({
          messageId: summary.MessageID.endsWith(MESSAGE_ID_DOMAIN)
            ? summary.MessageID.slice(0, -MESSAGE_ID_DOMAIN.length)
            : summary.MessageID,
          subject: summary.Subject,
          receivedAt: new Date(summary.Created),
          ...(calendar ? { calendar } : {}),
        });
      }
      boxes.set(patientId, mails);
    }
    return boxes;
  }

  private async calendarOf(mailpitId: string): Promise<CalendarEntry | undefined> {
    if (this.calendars.has(mailpitId)) return this.calendars.get(mailpitId);
    const message = await this.mailpit.message(mailpitId);
    const part = message.Attachments.find((a) => a.FileName === 'visit.ics');
    let entry: CalendarEntry | undefined;
    if (part) {
      const ics = await this.mailpit.attachment(mailpitId, part.PartID);
      const line = (name: string) =>
        ics
          .split(/\r?\n/)
          .find((l) => l.startsWith(`${name}:`))
          ?.slice(name.length + 1);
      entry = { uid: line('UID') ?? '', method: line('METHOD') ?? '' };
    }
    this.calendars.set(mailpitId, entry);
    return entry;
  }
}
