import { ContactBook } from './contact-preferences.steps';
import { DayLedger } from './expected-figures';
import { MessageKind, subjectOf } from './mail-subjects';
import {
  dueRemindersIn,
  EventsByType,
  joinLinkRequestsIn,
  Outcome,
  outcomesIn,
} from './notification-facts';
import { DeliveredMail } from './patient-mailboxes';
import { ReportedMail, visitMessageProblems } from './visit-messages.checks';

/** Time for a message that fell due to be dispatched and sent before it must be in the mailbox. */
const DISPATCH_GRACE_MS = 15_000;

/** What the platform reported about the day and what reached the patients. */
export interface ObservedMessages {
  /** Distinct events by type, as the external consumer read them. */
  readonly events: EventsByType;
  /** Each patient's mailbox, oldest first. */
  readonly mail: ReadonlyMap<string, readonly DeliveredMail[]>;
  /** When the reading began, before the topics were read: what was due well before is in. */
  readonly readFrom: Date;
}

/** What the day asks of the notifications service (its settings in this run). */
export interface MessageRules {
  readonly joinLinkLeadMinutes: number;
}

/** The problems found (none when every patient got exactly their messages) and what was counted. */
export interface MessageCheck {
  readonly problems: string[];
  /** E-mails per kind across all patients. */
  readonly delivered: Partial<Record<MessageKind, number>>;
  /** Outcomes recorded on thc.notifications.v1: sent per channel, failed per reason. */
  readonly outcomes: Record<string, number>;
}

const short = (id: string) => id.slice(0, 8);

/**
 * Holds every patient's mailbox against what their visits called for (see
 * visitMessageProblems) and against what the platform reported on thc.notifications.v1:
 * - every mail is one NotificationSent (e-mail) to that patient, its subject of the same kind,
 *   in the patient's language, and no message id arrives twice; every NotificationSent by
 *   e-mail is a mail, so the count per recipient is the same;
 * - a message has one outcome per channel at most, and none is sent by SMS (no gateway);
 * - patients who gave no contact point get no message: their confirmations fail with
 *   no-contact-point, their reminders (to the SMS number given at booking) with
 *   channel-not-configured.
 */
export function checkMessages(
  ledger: DayLedger,
  contacts: ContactBook,
  observed: ObservedMessages,
  rules: MessageRules,
): MessageCheck {
  const outcomes = outcomesIn(observed.events);
  const problems = outcomeProblems(outcomes);
  const dues = dueRemindersIn(observed.events);
  const requests = joinLinkRequestsIn(observed.events, rules.joinLinkLeadMinutes);
  const sentByMessage = new Map(
    outcomes.filter((o) => !o.reason && o.channel === 'email').map((o) => [o.messageId, o]),
  );
  const delivered: MessageCheck['delivered'] = {};
  const dueBy = observed.readFrom.getTime() - DISPATCH_GRACE_MS;

  for (const [patientId, contact] of contacts) {
    const who = `patient ${short(patientId)}`;
    const mails = observed.mail.get(patientId) ?? [];
    const copies = new Map<string, number>();
    for (const mail of mails) copies.set(mail.messageId, (copies.get(mail.messageId) ?? 0) + 1);
    for (const [messageId, count] of copies)
      if (count > 1) problems.push(`${who} got message ${messageId} ${count} times`);

    const reported: ReportedMail[] = [];
    for (const mail of mails) {
      const sent = sentByMessage.get(mail.messageId);
      const read = subjectOf(mail.subject);
      if (!read) problems.push(`${who} got "${mail.subject}", which reads as no known message`);
      else if (read.language !== contact.language)
        problems.push(`${who} (${contact.language}) got "${mail.subject}" in ${read.language}`);
      if (!sent) {
        problems.push(`${who} got "${mail.subject}" (${mail.messageId}) with no NotificationSent`);
        continue;
      }
      if (sent.recipientId !== patientId)
        problems.push(`${who} got ${mail.messageId}, reported as sent to ${sent.recipientId}`);
      if (read && read.kind !== sent.kind)
        problems.push(`${who} got "${mail.subject}", reported as a ${sent.kind}`);
      delivered[sent.kind] = (delivered[sent.kind] ?? 0) + 1;
      reported.push({ mail, sent });
    }
    for (const sent of sentByMessage.values())
      if (sent.recipientId === patientId && !copies.has(sent.messageId))
        problems.push(`${who}: ${sent.kind} ${sent.messageId} reported sent, not in the mailbox`);

    const visits = ledger.booked.filter((v) => v.patientId === patientId);
    const ours = new Set(visits.map((v) => v.appointmentId));
    for (const { mail, sent } of reported)
      if (!sent.appointmentId || !ours.has(sent.appointmentId))
        problems.push(`${who} got "${mail.subject}" about a visit not theirs`);
    for (const visit of visits) {
      const id = visit.appointmentId;
      problems.push(
        ...visitMessageProblems(`${who}, visit ${short(id)}`, {
          visit,
          ledger,
          mails: reported.filter(({ sent }) => sent.appointmentId === id),
          outcomes: outcomes.filter((o) => o.appointmentId === id && o.recipientId === patientId),
          dues: dues.filter((d) => d.appointmentId === id),
          requests: requests.filter((r) => r.appointmentId === id && r.participantId === patientId),
          dueBy,
        }),
      );
    }
  }

  for (const sent of sentByMessage.values())
    if (!contacts.has(sent.recipientId))
      problems.push(
        `${sent.kind} ${sent.messageId} e-mailed to ${sent.recipientId}, who gave none`,
      );

  for (const visit of ledger.booked.filter((v) => !contacts.has(v.patientId))) {
    const id = visit.appointmentId;
    const who = `patient ${short(visit.patientId)} (no contact point), visit ${short(id)}`;
    const theirs = outcomes.filter(
      (o) => o.recipientId === visit.patientId && o.appointmentId === id,
    );
    for (const o of theirs.filter((o) => !o.reason))
      problems.push(`${who}: ${o.kind} reported sent by ${o.channel}`);
    if (!theirs.some((o) => o.kind === 'booking-confirmation' && o.reason === 'no-contact-point'))
      problems.push(`${who}: no booking confirmation failed with no-contact-point`);
    if (ledger.touchedAt.has(id)) continue;
    for (const due of dues.filter((d) => d.appointmentId === id))
      if (
        !theirs.some(
          (o) =>
            o.triggerEventId === due.id &&
            o.reason === 'channel-not-configured' &&
            o.channel === 'sms',
        )
      )
        problems.push(`${who}: a ReminderDue not failed as channel-not-configured (sms)`);
  }

  const counted: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.reason ? `failed ${o.reason}` : `sent by ${o.channel}`;
    counted[key] = (counted[key] ?? 0) + 1;
  }
  return { problems, delivered, outcomes: counted };
}

/** A message has at most one outcome per channel (one as a whole, when none was tried). */
function outcomeProblems(outcomes: readonly Outcome[]): string[] {
  const problems: string[] = [];
  const perChannel = new Map<string, number>();
  for (const o of outcomes) {
    const key = `${o.messageId} on ${o.channel ?? 'no channel'}`;
    perChannel.set(key, (perChannel.get(key) ?? 0) + 1);
    if (!o.reason && o.channel === 'sms')
      problems.push(`${o.messageId} reported sent by SMS, with no gateway`);
    if (o.reason === 'channel-not-configured' && o.channel !== 'sms')
      problems.push(`${o.messageId}: channel-not-configured on ${o.channel ?? 'no channel'}`);
  }
  for (const [key, count] of perChannel)
    if (count > 1) problems.push(`message ${key} has ${count} outcomes`);
  return problems;
}
