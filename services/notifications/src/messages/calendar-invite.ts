import { icsDocument, icsParameter, icsText } from './ics-text';
import { icsLocal, vtimezone } from './time-zone-observances';

export interface CalendarInviteInput {
  /** The event's UID, the same for every version of one visit: `<appointmentId>@thc`. */
  readonly uid: string;
  /** Raised with each change, so a calendar replaces its entry instead of adding one. */
  readonly sequence: number;
  readonly method: 'REQUEST' | 'CANCEL';
  /** ISO instants. */
  readonly start: string;
  readonly end: string;
  /** The zone the event's times are written in (the recipient's). */
  readonly timeZone: string;
  readonly summary: string;
  readonly description: string;
  readonly url?: string;
  /** When this version of the event was made (DTSTAMP). */
  readonly stamp: Date;
  /** Who sends the invitation; iTIP wants one on REQUEST and CANCEL, some mail programs insist. */
  readonly organizer?: { readonly name?: string; readonly email: string };
}

const PRODID = '-//Telehealth Coordinator//Notifications//EN';

function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function instantOf(value: string, field: string): number {
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) throw new RangeError(`${field} must be an ISO instant, not ${value}`);
  return instant;
}

/**
 * An iCalendar object (RFC 5545, method per RFC 5546) holding one visit: a new or changed
 * entry (REQUEST) or its removal (CANCEL, STATUS:CANCELLED). The times are local to `timeZone`
 * with that zone's VTIMEZONE beside them, so the entry stays at the right hour across a
 * daylight-saving change.
 */
export function calendarInvite(input: CalendarInviteInput): string {
  const start = instantOf(input.start, 'start');
  const end = instantOf(input.end, 'end');
  if (!Number.isInteger(input.sequence) || input.sequence < 0)
    throw new RangeError(`sequence must be a whole number, not ${input.sequence}`);
  const zone = icsParameter(input.timeZone);
  const organizer = input.organizer
    ? [
        `ORGANIZER${input.organizer.name ? `;CN=${icsParameter(input.organizer.name)}` : ''}:mailto:${input.organizer.email.replace(/[\r\n]/g, '')}`,
      ]
    : [];
  return icsDocument([
    'BEGIN:VCALENDAR',
    `PRODID:${PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    ...vtimezone(input.timeZone, start, end),
    'BEGIN:VEVENT',
    `UID:${input.uid}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${utcStamp(input.stamp)}`,
    `DTSTART;TZID=${zone}:${icsLocal(start, input.timeZone)}`,
    `DTEND;TZID=${zone}:${icsLocal(end, input.timeZone)}`,
    ...organizer,
    `SUMMARY:${icsText(input.summary)}`,
    `DESCRIPTION:${icsText(input.description)}`,
    ...(input.url ? [`URL:${input.url.replace(/[\r\n]/g, '')}`] : []),
    `STATUS:${input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}
