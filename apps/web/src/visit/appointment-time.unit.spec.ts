import { appointmentWhen, placeOfTimeZone } from './appointment-time';

describe('the appointment time on the visit page', () => {
  const start = '2026-12-08T15:30:00.000Z';
  const end = '2026-12-08T16:00:00.000Z';

  it("reads in the clinic's zone, not the browser's, in English", () => {
    const when = appointmentWhen(start, end, 'America/New_York', 'en');
    expect(when.day).toBe('Tuesday, December 8, 2026');
    expect(when.hours.replace(/\s/g, ' ')).toMatch(/^10:30 – 11:00 AM$/);
    expect(when.place).toBe('New York');
  });

  it('reads in Spanish', () => {
    const when = appointmentWhen(start, end, 'America/New_York', 'es');
    expect(when.day).toMatch(/^martes, 8 de diciembre de 2026$/);
    expect(when.hours).toMatch(/10:30/);
  });

  it('names the day of the clinic when it differs from UTC', () => {
    const late = appointmentWhen(
      '2026-12-09T02:00:00Z',
      '2026-12-09T02:30:00Z',
      'America/Los_Angeles',
      'en',
    );
    expect(late.day).toBe('Tuesday, December 8, 2026');
    expect(late.place).toBe('Los Angeles');
  });

  it('names a zone by its place', () => {
    expect(placeOfTimeZone('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(placeOfTimeZone('UTC')).toBe('UTC');
  });
});
