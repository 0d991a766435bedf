import { Scheduled } from '../domain/appointment.state';
import { appointmentIcs } from './appointment.ics';

const appointment: Scheduled = {
  status: 'booked',
  appointmentId: '3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01',
  patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  providerId: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  clinicId: '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06',
  visitType: 'audio',
  // The day after the US spring-forward: New York is at UTC-4.
  start: '2026-03-09T09:00:00-04:00',
  end: '2026-03-09T09:30:00-04:00',
  timeZone: 'America/New_York',
  participants: [],
  bookedAt: '2026-03-02T14:12:05Z',
  previousSlots: [],
};

describe('appointment as iCalendar', () => {
  const ics = appointmentIcs(appointment, 3, new Date('2026-03-02T15:00:00Z'));
  const lines = ics.split('\r\n');

  it('states the instants in UTC, so no VTIMEZONE is needed', () => {
    expect(lines).toContain('DTSTART:20260309T130000Z');
    expect(lines).toContain('DTEND:20260309T133000Z');
    expect(ics).not.toContain('VTIMEZONE');
  });

  it('is a well-formed calendar with one event, CRLF lines under 75 octets', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    for (const required of ['VERSION:2.0', 'PRODID:', 'UID:', 'DTSTAMP:20260302T150000Z'])
      expect(lines.some((l) => l.startsWith(required))).toBe(true);
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });

  it('names no one and carries no PHI beyond the visit kind', () => {
    expect(ics).not.toContain(appointment.patientId);
    expect(ics).not.toContain(appointment.providerId);
    expect(lines).toContain('SUMMARY:Telehealth audio-only visit');
  });

  it('marks a cancelled appointment CANCELLED with a higher sequence', () => {
    const cancelled = appointmentIcs({ ...appointment, status: 'cancelled' }, 4, new Date());
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:4');
  });
});
