import type { MessageKind } from '../delivery/domain/planned-message';
import { renderMessage, SMS_LIMIT } from './render-message';
import {
  APPOINTMENT_ID,
  context,
  JOIN_URL,
  PATIENT_ID,
  planned,
  VISIT_TIME,
} from './testing/render-message.fixture';

const OFFER_TIME = {
  en: 'Wednesday, March 4 at 10:30 AM (New York time)',
  es: 'miércoles, 4 de marzo a las 10:30 a.m. (hora de New York)',
};
const SMS_STOP = {
  en: 'Reply STOP to opt out.',
  es: 'Responda STOP para no recibir más mensajes.',
};
const EMAIL_STOP = {
  en: 'To stop these e-mails, tell your clinic.',
  es: 'Para dejar de recibir estos correos, avísele a su clínica.',
};

/** kind, the time its subject names, the time its text names, whether it carries the link. */
const KINDS: readonly [MessageKind, 'visit' | 'offer' | null, 'visit' | 'offer' | null][] = [
  ['reminder', 'visit', 'visit'],
  ['booking-confirmation', 'visit', 'visit'],
  ['booking-changed', 'visit', 'visit'],
  ['booking-cancelled', 'visit', 'visit'],
  ['join-link', null, 'visit'],
  ['waitlist-offer', 'offer', 'offer'],
  ['provider-running-late', null, null],
  ['survey-invitation', null, 'visit'],
];
const CASES = KINDS.flatMap(([kind, subjectTime, textTime]) =>
  (['en', 'es'] as const).map((language) => [kind, language, subjectTime, textTime] as const),
);

/** The links and the attachment's file name are not words in any language. */
const withoutUrls = (text: string): string =>
  text.replace(/https?:\/\/\S+/g, '').replace(/visit\.ics/g, '');
const ENGLISH_WORDS = /\b(your|the|visit|please|join|link|reminder|booked|sorry|waiting)\b/i;
const SPANISH_WORDS = /\b(su|usted|consulta|enlace|por favor|sala de espera|lo sentimos)\b/i;

describe.each(CASES)('a %s message in %s', (kind, language, subjectTime, textTime) => {
  const times = { visit: VISIT_TIME[language], offer: OFFER_TIME[language] };
  const link =
    kind === 'booking-cancelled' || kind === 'provider-running-late' ? undefined : JOIN_URL;
  const rendered = renderMessage(planned(kind), context({ language, joinUrl: link }));

  it('names the time on the recipient’s clock in its subject and text', () => {
    if (subjectTime) expect(rendered.subject).toContain(times[subjectTime]);
    if (textTime) {
      expect(rendered.text).toContain(times[textTime]);
      expect(rendered.html).toContain(times[textTime]);
    }
  });

  it('carries its link in the text, the HTML and the SMS', () => {
    if (!link) return expect(rendered.text).not.toContain('https://');
    expect(rendered.text).toContain(`\n${link}\n`);
    expect(rendered.html).toContain(`<a href="${link}"`);
    expect(rendered.sms).toContain(link);
  });

  it('is written in its language', () => {
    const words = withoutUrls(`${rendered.subject}\n${rendered.text}\n${rendered.sms}`);
    if (language === 'es') {
      expect(words).not.toMatch(ENGLISH_WORDS);
      expect(words).toMatch(SPANISH_WORDS);
    } else {
      expect(words).not.toMatch(SPANISH_WORDS);
      expect(words).toMatch(ENGLISH_WORDS);
    }
    expect(rendered.html).toContain(`<html lang="${language}">`);
  });

  it('ends the e-mail and the SMS with how to stop them', () => {
    expect(rendered.sms.endsWith(SMS_STOP[language])).toBe(true);
    expect(rendered.text.trimEnd()).toMatch(new RegExp(`${EMAIL_STOP[language]}.*$`));
    expect(rendered.html).toContain(EMAIL_STOP[language]);
  });

  it('fits the SMS in two segments', () => {
    expect([...rendered.sms].length).toBeLessThanOrEqual(SMS_LIMIT);
  });

  it('tells nothing beyond what the reader needs: no ids, no placeholders left', () => {
    const everything = `${rendered.subject}${rendered.text}${rendered.html}${rendered.sms}`;
    expect(everything).not.toContain(PATIENT_ID);
    expect(everything).not.toContain(APPOINTMENT_ID);
    expect(everything).not.toMatch(/undefined|NaN|null|\$\{/);
  });
});

describe('the SMS', () => {
  // As long as the signed links sessions issues today (a JWT in the fragment).
  const signedLink = `http://127.0.0.1:3000/join#eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${'e'.repeat(236)}.${'s'.repeat(43)}`;

  it('keeps the whole link and the stop line when the link alone nearly fills two segments', () => {
    for (const language of ['en', 'es'] as const) {
      const { sms } = renderMessage(
        planned('join-link'),
        context({ language, joinUrl: signedLink }),
      );
      expect(sms).toContain(signedLink);
      expect(sms.endsWith(SMS_STOP[language])).toBe(true);
    }
  });

  it('drops the longer sentences first when a link is long', () => {
    const longish = `https://visits.example-health.org/join#${'t'.repeat(170)}`;
    const { sms } = renderMessage(planned('booking-changed'), context({ joinUrl: longish }));
    expect(sms).toContain(longish);
    expect([...sms].length).toBeLessThanOrEqual(SMS_LIMIT);
  });
});

describe('the HTML part', () => {
  it('escapes a hostile link and never turns a script address into a link', () => {
    const hostile = "https://thc.example/join?x=\"><script>alert(1)</script>&y='z'";
    const rendered = renderMessage(planned('join-link'), context({ joinUrl: hostile }));
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).toContain(
      'href="https://thc.example/join?x=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;y=&#39;z&#39;"',
    );
    const script = renderMessage(planned('join-link'), context({ joinUrl: 'javascript:alert(1)' }));
    expect(script.html).not.toContain('href="javascript:');
    expect(script.html).toContain('javascript:alert(1)');
  });
});

describe('the calendar file', () => {
  const ics = (kind: MessageKind, over = {}) => {
    const [attachment] = renderMessage(planned(kind, over), context()).attachments;
    return attachment;
  };

  it('comes with a booking, its change and its cancellation, and with nothing else', () => {
    expect(ics('booking-confirmation')?.filename).toBe('visit.ics');
    for (const kind of [
      'reminder',
      'join-link',
      'waitlist-offer',
      'provider-running-late',
      'survey-invitation',
    ] as const)
      expect(renderMessage(planned(kind), context({ joinUrl: JOIN_URL })).attachments).toEqual([]);
  });

  it('requests a new entry for a booking, by default as its first version', () => {
    const attachment = ics('booking-confirmation');
    expect(attachment?.contentType).toBe('text/calendar; method=REQUEST; charset=UTF-8');
    expect(attachment?.content).toContain('METHOD:REQUEST\r\n');
    expect(attachment?.content).toContain(`UID:${APPOINTMENT_ID}@thc\r\n`);
    expect(attachment?.content).toContain('SEQUENCE:0\r\n');
    expect(attachment?.content).toContain('DTSTART;TZID=America/New_York:20260310T090000\r\n');
    expect(attachment?.content).toContain('SUMMARY:Video visit\r\n');
  });

  it('updates the same entry when the visit moves, with the higher sequence it was planned with', () => {
    const attachment = ics('booking-changed');
    expect(attachment?.content).toContain(`UID:${APPOINTMENT_ID}@thc\r\n`);
    expect(attachment?.content).toContain('SEQUENCE:2\r\n');
    expect(attachment?.content).toContain('METHOD:REQUEST\r\n');
  });

  it('cancels the entry when the visit is cancelled', () => {
    const attachment = ics('booking-cancelled');
    expect(attachment?.contentType).toBe('text/calendar; method=CANCEL; charset=UTF-8');
    expect(attachment?.content).toContain('METHOD:CANCEL\r\n');
    expect(attachment?.content).toContain('STATUS:CANCELLED\r\n');
    expect(attachment?.content).toContain('SEQUENCE:3\r\n');
    expect(ics('booking-cancelled', { calendar: undefined })?.content).toContain(
      'METHOD:CANCEL\r\n',
    );
  });

  it('is titled in the recipient’s language and carries the link when there is one', () => {
    const [attachment] = renderMessage(
      planned('booking-confirmation'),
      context({ language: 'es', joinUrl: JOIN_URL }),
    ).attachments;
    expect(attachment?.content).toContain('SUMMARY:Consulta por video\r\n');
    expect(attachment?.content.replace(/\r\n /g, '')).toContain(`URL:${JOIN_URL}\r\n`);
  });
});
