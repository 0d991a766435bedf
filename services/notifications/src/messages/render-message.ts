import type { PlannedMessage, VisitFacts } from '../delivery/domain/planned-message';
import { calendarInvite } from './calendar-invite';
import { emailHtml, emailText } from './email-layout';
import { MissingMessageFact } from './missing-message-fact';
import type { TemplateLanguage } from './template-language';
import { wordedTime } from './worded-time';
import { english } from './wording/english';
import { spanish } from './wording/spanish';
import type { LanguageWording, Reader, Wording } from './wording/wording';

export type { TemplateLanguage } from './template-language';

/** What the wording needs besides the planned message, all opened for this one send. */
export interface RenderContext {
  readonly language: TemplateLanguage;
  /** The recipient's zone (else the clinic's): every time is written on this clock. */
  readonly timeZone: string;
  /**
   * The opened link the message carries: the join link (join-link, reminder), the link to
   * take an offered time (waitlist-offer) or to answer the survey (survey-invitation).
   */
  readonly joinUrl?: string;
  /** The planned message's id, which the e-mail's Message-ID is made from. */
  readonly messageId: string;
  /** The calendar entry's DTSTAMP, and the year a time is read against. */
  readonly now: Date;
  /** The sender named as the calendar entry's ORGANIZER, which some mail programs require. */
  readonly organizer?: { readonly name?: string; readonly email: string };
}

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly sms: string;
  readonly attachments: readonly { filename: string; content: string; contentType: string }[];
}

const WORDING: Readonly<Record<TemplateLanguage, LanguageWording>> = { en: english, es: spanish };

/** Two SMS segments; past that, messages arrive split or cost more. */
export const SMS_LIMIT = 320;

function visitOf(message: PlannedMessage): VisitFacts {
  if (!message.visit) throw new MissingMessageFact(message.kind, 'the visit');
  return message.visit;
}

function wordingOf(
  message: PlannedMessage,
  context: RenderContext,
  words: LanguageWording,
  reader: Reader,
): Wording {
  const when = (instant: string): string =>
    wordedTime(instant, context.timeZone, context.language, context.now);
  const joinUrl = context.joinUrl;
  switch (message.kind) {
    case 'reminder':
      return words.kinds.reminder({ ...reader, when: when(visitOf(message).start), joinUrl });
    case 'booking-confirmation':
      return words.kinds['booking-confirmation']({
        ...reader,
        when: when(visitOf(message).start),
        joinUrl,
      });
    case 'booking-changed':
      return words.kinds['booking-changed']({
        ...reader,
        when: when(visitOf(message).start),
        previousWhen: message.previousStart ? when(message.previousStart) : undefined,
        joinUrl,
      });
    case 'booking-cancelled':
      return words.kinds['booking-cancelled']({ ...reader, when: when(visitOf(message).start) });
    case 'join-link':
      if (!joinUrl) throw new MissingMessageFact(message.kind, 'the join URL');
      return words.kinds['join-link']({
        ...reader,
        when: message.visit ? when(message.visit.start) : undefined,
        joinUrl,
      });
    case 'waitlist-offer': {
      if (!message.offer) throw new MissingMessageFact(message.kind, 'the offer');
      return words.kinds['waitlist-offer']({
        ...reader,
        when: when(message.offer.start),
        heldUntil: when(message.offer.expiresAt),
        joinUrl,
      });
    }
    case 'provider-running-late':
      return words.kinds['provider-running-late']({
        ...reader,
        waitedMinutes: message.waitedMinutes,
      });
    case 'survey-invitation':
      return words.kinds['survey-invitation']({
        ...reader,
        when: message.visit ? when(message.visit.start) : undefined,
        joinUrl,
      });
    default: {
      const unknown: never = message.kind;
      throw new Error(`no wording for ${String(unknown)}`);
    }
  }
}

/** The first SMS that fits in two segments with the stop line, else the shortest one. */
function fittedSms(candidates: readonly string[], stop: string): string {
  const bodies = candidates.map((candidate) => `${candidate} ${stop}`);
  return bodies.find((body) => [...body].length <= SMS_LIMIT) ?? bodies.at(-1) ?? stop;
}

const CALENDAR_KINDS = new Set<PlannedMessage['kind']>([
  'booking-confirmation',
  'booking-changed',
  'booking-cancelled',
]);

/** The visit as a calendar entry: one UID per appointment, so each version replaces the last. */
function calendarAttachment(
  message: PlannedMessage,
  context: RenderContext,
  words: LanguageWording,
  reader: Reader,
): RenderedMessage['attachments'] {
  if (!CALENDAR_KINDS.has(message.kind)) return [];
  const visit = visitOf(message);
  const method =
    message.calendar?.method ?? (message.kind === 'booking-cancelled' ? 'CANCEL' : 'REQUEST');
  // A change or cancellation planned without a sequence still has to outrank the booking's 0.
  const sequence = message.calendar?.sequence ?? (message.kind === 'booking-confirmation' ? 0 : 1);
  const content = calendarInvite({
    uid: `${visit.appointmentId}@thc`,
    sequence,
    method,
    start: visit.start,
    end: visit.end,
    timeZone: context.timeZone,
    summary: words.calendar.summary(visit.visitType),
    description: words.calendar.description({ ...reader, cancelled: method === 'CANCEL' }),
    url: context.joinUrl,
    stamp: context.now,
    organizer: context.organizer,
  });
  return [
    {
      filename: 'visit.ics',
      content,
      contentType: `text/calendar; method=${method}; charset=UTF-8`,
    },
  ];
}

/**
 * One planned message worded for its reader: an e-mail (subject, text, HTML, and for a booking
 * its calendar entry) and an SMS. It says only what the reader needs to act: when, in their own
 * zone and language, and the link; never why the visit is, with whom or where.
 */
export function renderMessage(message: PlannedMessage, context: RenderContext): RenderedMessage {
  const words = WORDING[context.language];
  const reader: Reader = {
    role: message.recipientRole,
    visitType: message.visit?.visitType ?? 'video',
  };
  const wording = wordingOf(message, context, words, reader);
  return {
    subject: wording.subject,
    text: emailText(wording.body, words.emailFooter),
    html: emailHtml(wording.body, words.emailFooter, wording.subject, context.language),
    sms: fittedSms(wording.sms, words.smsStop),
    attachments: calendarAttachment(message, context, words, reader),
  };
}
