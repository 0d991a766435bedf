import type { VisitLanguage } from './visit-language';

const LOCALES: Record<VisitLanguage, string> = { en: 'en-US', es: 'es-US' };

/** "America/New_York" read as people name it: "New York". */
export function placeOfTimeZone(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

/**
 * When the visit is, as its clinic's clock reads it: a patient travelling, or on a phone set to
 * another zone, still sees the time the clinic gave them, and the zone is named beside it.
 */
export function appointmentWhen(
  start: string,
  end: string,
  timeZone: string,
  language: VisitLanguage,
): { day: string; hours: string; place: string } {
  const locale = LOCALES[language];
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(start));
  const hours = new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).formatRange(new Date(start), new Date(end));
  return { day, hours, place: placeOfTimeZone(timeZone) };
}

/** The zone the browser runs in, for a visit whose clinic's zone is not known yet. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
