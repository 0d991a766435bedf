import { bodyOf, ContactPreferences, formOf } from './contact-preferences';

const onRecord: ContactPreferences = {
  personId: '3f1e6f0c-4a0b-4c55-9d0e-2b7a1f6c9a10',
  patientId: '3f1e6f0c-4a0b-4c55-9d0e-2b7a1f6c9a10',
  email: 'ana.lopez@example.org',
  mobile: '+12015550123',
  preferredLanguage: 'es-MX',
  timeZone: 'America/Chicago',
  quietHours: { start: '22:00', end: '07:30' },
  consent: { byEmail: true, bySms: false },
  optedOut: { email: false, sms: true },
  recordedAt: '2026-03-02T14:00:00.000Z',
  version: 3,
};

describe('the contact preferences form', () => {
  it('shows what is on record, and saves it back unchanged', () => {
    const form = formOf(onRecord, 'America/New_York');
    expect(form).toEqual({
      email: 'ana.lopez@example.org',
      mobile: '+12015550123',
      preferredLanguage: 'es-MX',
      timeZone: 'America/Chicago',
      quietHoursOn: true,
      quietStart: '22:00',
      quietEnd: '07:30',
      byEmail: true,
      bySms: false,
    });
    expect(bodyOf(form)).toEqual({
      email: 'ana.lopez@example.org',
      mobile: '+12015550123',
      preferredLanguage: 'es-MX',
      timeZone: 'America/Chicago',
      quietHours: { start: '22:00', end: '07:30' },
      consent: { byEmail: true, bySms: false },
    });
  });

  it("starts empty with the clinic's zone when nothing is on record, and agrees to nothing", () => {
    const form = formOf(undefined, 'America/New_York');
    expect(form.timeZone).toBe('America/New_York');
    expect(form.quietHoursOn).toBe(false);
    expect(bodyOf(form)).toEqual({
      timeZone: 'America/New_York',
      consent: { byEmail: false, bySms: false },
    });
  });

  it('leaves out what was cleared, so the service keeps it no more', () => {
    const cleared = {
      ...formOf(onRecord, 'UTC'),
      mobile: '   ',
      preferredLanguage: '',
      quietHoursOn: false,
    };
    expect(bodyOf(cleared)).toEqual({
      email: 'ana.lopez@example.org',
      timeZone: 'America/Chicago',
      consent: { byEmail: true, bySms: false },
    });
  });

  it('sends what was typed, trimmed, and leaves checking it to the service', () => {
    const typed = {
      ...formOf(undefined, 'UTC'),
      email: '  new@example.org ',
      mobile: '+1 (201) 555-0123',
      quietHoursOn: true,
      quietStart: '',
      quietEnd: '08:00',
    };
    expect(bodyOf(typed)).toMatchObject({
      email: 'new@example.org',
      mobile: '+1 (201) 555-0123',
      quietHours: { start: '', end: '08:00' },
    });
  });
});
