import {
  channelStatus,
  contactsHref,
  contactsQuery,
  languageChoices,
  languageName,
  quietHoursText,
  timeZoneChoices,
} from './contact-labels';

const PATIENT = '3f1e6f0c-4a0b-4c55-9d0e-2b7a1f6c9a10';
const agreed = {
  email: 'ana@example.org',
  mobile: '+12015550123',
  consent: { byEmail: true, bySms: true },
  optedOut: { email: false, sms: false },
};

describe('how the console words contact preferences', () => {
  it('names a language and keeps its tag beside it', () => {
    expect(languageName('es')).toBe('Spanish (es)');
    expect(languageName('es-MX')).toBe('Mexican Spanish (es-MX)');
    expect(languageName('not a tag')).toBe('not a tag');
  });

  it('offers the language on record even when it is not a usual one', () => {
    expect(languageChoices('es')).not.toContain('es-MX');
    expect(languageChoices('es-MX')).toContain('es-MX');
    expect(languageChoices('')).toContain('es');
  });

  it('offers the zone on record and UTC among the known zones, sorted', () => {
    expect(timeZoneChoices('Etc/GMT+5', ['America/New_York', 'America/Chicago'])).toEqual([
      'America/Chicago',
      'America/New_York',
      'Etc/GMT+5',
      'UTC',
    ]);
  });

  it('says quiet hours in the patient’s time, and when they run overnight', () => {
    expect(quietHoursText(undefined)).toBe('None: messages go out at any hour');
    expect(quietHoursText({ start: '21:00', end: '08:00' })).toBe(
      "21:00 to 08:00, the patient's time, overnight",
    );
    expect(quietHoursText({ start: '12:00', end: '13:30' })).toBe(
      "12:00 to 13:30, the patient's time",
    );
  });

  it('says an opt-out outweighs consent, and how the patient opted out', () => {
    const stopped = channelStatus({ ...agreed, optedOut: { email: false, sms: true } }, 'sms');
    expect(stopped.label).toBe('Opted out');
    expect(stopped.note).toContain('a STOP reply');
    expect(channelStatus(agreed, 'sms')).toEqual({ label: 'Agreed', tone: 'ok' });
  });

  it('warns of consent without a contact point, and says when nothing is agreed', () => {
    const { email: _email, ...noEmail } = agreed;
    expect(channelStatus(noEmail, 'email')).toMatchObject({
      label: 'Agreed',
      tone: 'warn',
      note: 'No e-mail address on record: nothing can be sent by e-mail.',
    });
    expect(
      channelStatus({ ...agreed, consent: { byEmail: false, bySms: true } }, 'email'),
    ).toMatchObject({ label: 'Not agreed', note: 'Nothing is sent by e-mail.' });
  });

  it('opens the page for a patient, with the zone to start from, and reads it back', () => {
    const href = contactsHref(PATIENT, 'America/New_York');
    expect(href).toBe(`/console/contacts?patient=${PATIENT}&zone=America%2FNew_York`);
    expect(contactsQuery(href.split('?')[1]!)).toEqual({
      patientId: PATIENT,
      timeZone: 'America/New_York',
    });
    expect(contactsQuery('?patient=somebody')).toEqual({});
  });
});
