import { Scheduled } from '../domain/appointment.state';

const utcStamp = (instant: string | Date): string =>
  new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * The appointment as an iCalendar (RFC 5545) event. Times are UTC (`...Z`), so no VTIMEZONE
 * is needed and every calendar shows the right instant in its own zone. It carries no names,
 * reason or join link: only what any participant may see.
 */
export function appointmentIcs(appointment: Scheduled, version: number, now: Date): string {
  const cancelled = appointment.status === 'cancelled' || appointment.status === 'noshow';
  const kind = appointment.visitType === 'video' ? 'video' : 'audio-only';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Telehealth Coordinator//Scheduling//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${appointment.appointmentId}@telehealth-coordinator`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART:${utcStamp(appointment.start)}`,
    `DTEND:${utcStamp(appointment.end)}`,
    // A calendar replaces an event with a higher SEQUENCE: every change is a new version.
    `SEQUENCE:${version}`,
    `SUMMARY:Telehealth ${kind} visit`,
    'DESCRIPTION:Join with the link your clinic sends before the visit.',
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
