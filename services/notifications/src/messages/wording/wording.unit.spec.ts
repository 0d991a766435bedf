import type { MessageKind } from '../../delivery/domain/planned-message';
import { MissingMessageFact } from '../missing-message-fact';
import { renderMessage } from '../render-message';
import { context, JOIN_URL, planned, VISIT_TIME } from '../testing/render-message.fixture';

describe('the wording for each kind', () => {
  const en = (kind: MessageKind, joinUrl?: string, over = {}) =>
    renderMessage(planned(kind, over), context({ joinUrl }));
  const es = (kind: MessageKind, joinUrl?: string, over = {}) =>
    renderMessage(planned(kind, over), context({ language: 'es', joinUrl }));

  it('writes the time in the recipient’s zone, not the clinic’s', () => {
    const rendered = renderMessage(planned('reminder'), context({ timeZone: 'America/Chicago' }));
    expect(rendered.subject).toContain('Tuesday, March 10 at 8:00 AM (Chicago time)');
  });

  it('calls a visit a video visit or a phone visit, and nothing more', () => {
    expect(en('reminder').subject).toBe(`Reminder: your video visit on ${VISIT_TIME.en}`);
    expect(es('reminder').subject).toBe(`Recordatorio: su consulta por video el ${VISIT_TIME.es}`);
    const audio = { visit: { ...planned('reminder').visit!, visitType: 'audio' as const } };
    expect(en('reminder', undefined, audio).text).toContain('your phone visit');
    expect(es('reminder', undefined, audio).text).toContain('su consulta por teléfono');
  });

  it('reminds without a link by pointing to the one sent or to come', () => {
    expect(en('reminder').text).toContain(
      'the personal link we sent you, or from the one we will send',
    );
    expect(es('reminder').text).toContain('el enlace personal que le enviamos o que le enviaremos');
  });

  it('says where a moved visit was and where it is now', () => {
    const previous = {
      en: 'Friday, March 6 at 1:00 PM (New York time)',
      es: 'viernes, 6 de marzo a la 1:00 p.m. (hora de New York)',
    };
    expect(en('booking-changed').text).toContain(`from ${previous.en} to ${VISIT_TIME.en}`);
    expect(en('booking-changed').sms).toContain(`from ${previous.en} to ${VISIT_TIME.en}`);
    expect(es('booking-changed').text).toContain(`del ${previous.es} al ${VISIT_TIME.es}`);
  });

  it.each([
    [
      'patient',
      /your personal link to join your video visit on/,
      /Este es su enlace personal para entrar a su consulta por video del/,
    ],
    [
      'interpreter',
      /You are interpreting at a video visit on/,
      /Usted interpretará en una consulta por video el/,
    ],
    [
      'caregiver',
      /invited to join a video visit on .* as a caregiver/,
      /Se le invitó a acompañar una consulta por video el/,
    ],
  ] as const)('gives the %s their own link, to keep to themselves', (role, english, spanish) => {
    const over = { recipientRole: role };
    expect(en('join-link', JOIN_URL, over).text).toMatch(english);
    expect(en('join-link', JOIN_URL, over).text).toContain('please do not forward or share it');
    expect(en('join-link', JOIN_URL, over).sms).toMatch(/do not forward/);
    expect(es('join-link', JOIN_URL, over).text).toMatch(spanish);
    expect(es('join-link', JOIN_URL, over).text).toContain('no lo reenvíe ni lo comparta');
    expect(es('join-link', JOIN_URL, over).sms).toMatch(/no lo reenvíe/i);
  });

  it('says until when an offered time is held, on the recipient’s clock', () => {
    expect(en('waitlist-offer').text).toContain('until Monday, March 2 at 5:00 PM (New York time)');
    expect(es('waitlist-offer').text).toContain(
      'hasta el lunes, 2 de marzo a las 5:00 p.m. (hora de New York)',
    );
    const inLosAngeles = renderMessage(
      planned('waitlist-offer'),
      context({ timeZone: 'America/Los_Angeles' }),
    );
    expect(inLosAngeles.text).toContain('until Monday, March 2 at 2:00 PM (Los Angeles time)');
    expect(en('waitlist-offer').text).toContain('contact your clinic');
  });

  it('apologises for a provider running late and asks the patient to stay', () => {
    const text = en('provider-running-late').text;
    expect(text).toContain('We are sorry: your provider is running late.');
    expect(text).toContain('12 minutes');
    expect(text).toContain('stay in the waiting room');
    expect(es('provider-running-late').text).toContain(
      'Lo sentimos: su profesional se está retrasando.',
    );
    expect(es('provider-running-late').text).toContain('12 minutos');
    expect(es('provider-running-late').sms).toContain('quédese en la sala de espera');
  });

  it('invites to the survey from the visit link when there is no survey link', () => {
    expect(en('survey-invitation').text).toContain('You can answer from your visit link');
    expect(es('survey-invitation').text).toContain(
      'Puede responder desde el enlace de su consulta',
    );
  });

  it('refuses a message that lacks what its wording needs', () => {
    expect(() => en('reminder', undefined, { visit: undefined })).toThrow(MissingMessageFact);
    expect(() => en('join-link')).toThrow(/join URL/);
    expect(() => en('waitlist-offer', undefined, { offer: undefined })).toThrow(/offer/);
  });
});
