import type { TemplateLanguage } from './template-language';

const LOCALES: Record<TemplateLanguage, string> = { en: 'en-US', es: 'es-US' };

/** "America/New_York" as people name it: "New York" (as the web app's visit page does). */
export function placeOfTimeZone(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

/**
 * ICU puts narrow and non-breaking spaces in times ("9:00 AM"); plain spaces read the same,
 * survive every mail program and keep an SMS in fewer segments.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u2009\u202f]/g, ' ');
}

function yearIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(instant);
}

/**
 * An instant as the recipient reads it on their own clock, with the zone named:
 * "Tuesday, March 10 at 9:00 AM (New York time)", "martes, 10 de marzo a las 9:00 a.m.
 * (hora de New York)". The year is given only when it is not the current one.
 */
export function wordedTime(
  instant: string,
  timeZone: string,
  language: TemplateLanguage,
  now: Date,
): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${instant}`);
  const locale = LOCALES[language];
  const day = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(yearIn(at, timeZone) === yearIn(now, timeZone) ? {} : { year: 'numeric' }),
  }).format(at);
  const clock = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const time = clock.format(at);
  const place = placeOfTimeZone(timeZone);
  if (language === 'en') return plainSpaces(`${day} at ${time} (${place} time)`);
  const hour = clock.formatToParts(at).find((part) => part.type === 'hour')?.value;
  const preposition = hour === '1' ? 'a la' : 'a las';
  return plainSpaces(`${day} ${preposition} ${time} (hora de ${place})`);
}
