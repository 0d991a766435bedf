import { MessageLanguage } from './contact-preferences.steps';

/** What a message is for, as the notifications contract names it. */
export type MessageKind =
  | 'reminder'
  | 'booking-confirmation'
  | 'booking-changed'
  | 'booking-cancelled'
  | 'join-link'
  | 'waitlist-offer'
  | 'provider-running-late'
  | 'survey-invitation';

/**
 * How a patient tells the messages apart in their inbox: by the subject line alone, in English
 * or Spanish, as written to the patient ("your visit" / "su consulta").
 */
const SUBJECTS: readonly {
  readonly kind: MessageKind;
  readonly language: MessageLanguage;
  readonly pattern: RegExp;
}[] = [
  { kind: 'reminder', language: 'en', pattern: /^Reminder: your (video|phone) visit on .+/ },
  {
    kind: 'booking-confirmation',
    language: 'en',
    pattern: /^Your (video|phone) visit is booked: /,
  },
  { kind: 'booking-changed', language: 'en', pattern: /^Your (video|phone) visit has moved to / },
  {
    kind: 'booking-cancelled',
    language: 'en',
    pattern: /^Your (video|phone) visit on .+ is cancelled$/,
  },
  {
    kind: 'join-link',
    language: 'en',
    pattern: /^Your personal link for your (video|phone) visit$/,
  },
  {
    kind: 'waitlist-offer',
    language: 'en',
    pattern: /^A time for a (video|phone) visit is open: /,
  },
  { kind: 'provider-running-late', language: 'en', pattern: /^Your provider is running late$/ },
  { kind: 'survey-invitation', language: 'en', pattern: /^How was your (video|phone) visit\?$/ },
  {
    kind: 'reminder',
    language: 'es',
    pattern: /^Recordatorio: su consulta por (video|teléfono) el .+/,
  },
  {
    kind: 'booking-confirmation',
    language: 'es',
    pattern: /^Su consulta por (video|teléfono) está confirmada: /,
  },
  {
    kind: 'booking-changed',
    language: 'es',
    pattern: /^Nuevo horario de su consulta por (video|teléfono): /,
  },
  {
    kind: 'booking-cancelled',
    language: 'es',
    pattern: /^Su consulta por (video|teléfono) del .+ fue cancelada$/,
  },
  {
    kind: 'join-link',
    language: 'es',
    pattern: /^Su enlace personal para su consulta por (video|teléfono)$/,
  },
  {
    kind: 'waitlist-offer',
    language: 'es',
    pattern: /^Hay un horario para una consulta por (video|teléfono): /,
  },
  { kind: 'provider-running-late', language: 'es', pattern: /^Su profesional se está retrasando$/ },
  {
    kind: 'survey-invitation',
    language: 'es',
    pattern: /^¿Cómo fue su consulta por (video|teléfono)\?$/,
  },
];

/** The kind and language a subject line reads as, or undefined when it reads as none. */
export function subjectOf(
  subject: string,
): { readonly kind: MessageKind; readonly language: MessageLanguage } | undefined {
  const found = SUBJECTS.find(({ pattern }) => pattern.test(subject));
  return found && { kind: found.kind, language: found.language };
}
