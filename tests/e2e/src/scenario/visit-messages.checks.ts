import { BookedVisit } from './bookings.steps';
import { DayLedger } from './expected-figures';
import { MessageKind } from './mail-subjects';
import { DueReminder, JoinLinkRequest, Outcome } from './notification-facts';
import { DeliveredMail } from './patient-mailboxes';

/** A survey is asked for this long after the visit ended (the notifications service's rule). */
const SURVEY_DELAY_MS = 5 * 60_000;
/** The kinds of message the scenario's days call for; no waitlist, no move, nobody kept waiting. */
const CALLED_FOR: readonly MessageKind[] = [
  'booking-confirmation',
  'booking-cancelled',
  'reminder',
  'join-link',
  'survey-invitation',
];

/** One mail and the NotificationSent it is. */
export interface ReportedMail {
  readonly mail: DeliveredMail;
  readonly sent: Outcome;
}

/** What is known about the messages to one patient about one of their visits. */
export interface VisitMessages {
  readonly visit: BookedVisit;
  readonly ledger: DayLedger;
  readonly mails: readonly ReportedMail[];
  /** Every outcome reported for a message to this patient about this visit. */
  readonly outcomes: readonly Outcome[];
  readonly dues: readonly DueReminder[];
  readonly requests: readonly JoinLinkRequest[];
  /** A message due by then must have arrived. */
  readonly dueBy: number;
}

/**
 * The problems with what one patient received about one visit: one confirmation with the
 * visit's calendar entry; one cancellation when cancelled, and nothing after it; one reminder
 * per ReminderDue unless the visit was cancelled or run first, none twice for an offset; each
 * join link once its time came, never before; a survey only after a visit that took place.
 */
export function visitMessageProblems(who: string, facts: VisitMessages): string[] {
  const problems: string[] = [];
  const { visit, ledger, mails } = facts;
  const id = visit.appointmentId;
  const of = (kind: MessageKind) => mails.filter(({ sent }) => sent.kind === kind);
  // A visit the day never acted on stays booked: everything due about it must go out.
  const left = !ledger.touchedAt.has(id);
  const gaveUp = (triggerEventId: string) =>
    facts.outcomes.some((o) => o.triggerEventId === triggerEventId && o.reason === 'superseded');

  const confirmations = of('booking-confirmation');
  if (confirmations.length !== 1)
    problems.push(`${who}: ${confirmations.length} booking confirmations, not 1`);
  for (const { mail } of confirmations)
    if (mail.calendar?.uid !== `${id}@thc` || mail.calendar.method !== 'REQUEST')
      problems.push(`${who}: confirmation without visit.ics REQUEST for it`);

  const cancellations = of('booking-cancelled');
  const cancelled = ledger.cancelled.has(id);
  if (cancellations.length !== (cancelled ? 1 : 0))
    problems.push(`${who}: ${cancellations.length} cancellation messages, cancelled: ${cancelled}`);
  for (const { mail } of cancellations) {
    if (mail.calendar?.uid !== `${id}@thc` || mail.calendar.method !== 'CANCEL')
      problems.push(`${who}: cancellation without visit.ics CANCEL for it`);
    for (const other of mails)
      if (other.mail !== mail && other.mail.receivedAt > mail.receivedAt)
        problems.push(`${who}: a ${other.sent.kind} arrived after the cancellation`);
  }

  const reminders = of('reminder');
  const perOffset = new Map<number, number>();
  for (const { sent } of reminders) {
    const due = facts.dues.find((d) => d.id === sent.triggerEventId);
    if (!due) problems.push(`${who}: a reminder for no ReminderDue seen (${sent.triggerEventId})`);
    else perOffset.set(due.offsetMinutes, (perOffset.get(due.offsetMinutes) ?? 0) + 1);
  }
  for (const [offset, count] of perOffset)
    if (count > 1) problems.push(`${who}: ${count} reminders for the ${offset}-minute offset`);
  for (const due of facts.dues) {
    if (reminders.some(({ sent }) => sent.triggerEventId === due.id)) continue;
    const reminder = `${due.offsetMinutes}-minute reminder`;
    if (left) problems.push(`${who}: the ${reminder} of a visit left alone did not arrive`);
    else if (!gaveUp(due.id))
      problems.push(`${who}: the ${reminder} neither arrived nor was given up as superseded`);
  }

  const links = of('join-link');
  for (const { mail, sent } of links) {
    const request = facts.requests.find((r) => r.id === sent.triggerEventId);
    if (!request) problems.push(`${who}: a join link for no JoinLinkDeliveryRequested seen`);
    else if (mail.receivedAt.getTime() < request.dueAt - 1000)
      problems.push(
        `${who}: a join link arrived before its time (${new Date(request.dueAt).toISOString()})`,
      );
  }
  for (const request of facts.requests) {
    if (request.dueAt > facts.dueBy) continue;
    if (links.some(({ sent }) => sent.triggerEventId === request.id)) continue;
    if (left) problems.push(`${who}: the join link (${request.deliver}) did not arrive`);
    else if (!gaveUp(request.id))
      problems.push(
        `${who}: the join link (${request.deliver}) neither arrived nor was superseded`,
      );
  }

  const surveys = of('survey-invitation');
  const ran = ledger.ran.get(id);
  if (!ledger.completed.has(id) || !ran) {
    if (surveys.length > 0) problems.push(`${who}: a survey invitation for a visit not held`);
  } else {
    if (surveys.length > 1) problems.push(`${who}: ${surveys.length} survey invitations`);
    if (surveys.length === 0 && ran.to.getTime() + SURVEY_DELAY_MS <= facts.dueBy)
      problems.push(`${who}: no survey invitation five minutes after the visit`);
    for (const { mail } of surveys)
      if (mail.receivedAt.getTime() < ran.from.getTime() + SURVEY_DELAY_MS)
        problems.push(`${who}: a survey invitation less than five minutes after the visit`);
  }

  for (const { mail, sent } of mails)
    if (!CALLED_FOR.includes(sent.kind))
      problems.push(`${who}: "${mail.subject}", a ${sent.kind}, was not called for by the day`);
  return problems;
}
