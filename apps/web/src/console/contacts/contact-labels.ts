import type { Channel, Consent, ContactPreferences, QuietHours } from './contact-preferences';

/**
 * Languages offered first: the usual ones of interpreter requests. The messages themselves are
 * written in English or Spanish; any other language gets English until its wording exists.
 */
export const COMMON_LANGUAGES = ['en', 'es', 'zh', 'vi', 'ru', 'ar', 'ht', 'ko', 'pt', 'tl'];

/** "Spanish (es)", "Mexican Spanish (es-MX)": the tag as people read it, and as it is kept. */
export function languageName(tag: string, locale = 'en'): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

/** The languages to choose from: the usual ones, and the one on record when it is another. */
export function languageChoices(current: string): readonly string[] {
  return current && !COMMON_LANGUAGES.includes(current)
    ? [...COMMON_LANGUAGES, current]
    : COMMON_LANGUAGES;
}

/** Every zone the browser knows, with the one on record even when it does not list it. */
export function timeZoneChoices(current: string, known: readonly string[]): readonly string[] {
  const zones = new Set(known);
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

export function quietHoursText(quiet: QuietHours | undefined): string {
  if (!quiet) return 'None: messages go out at any hour';
  const overnight = quiet.end < quiet.start ? ', overnight' : '';
  return `${quiet.start} to ${quiet.end}, the patient's time${overnight}`;
}

export interface ChannelStatus {
  /** One or two words, shown as a badge. */
  readonly label: string;
  readonly tone: 'ok' | 'warn' | 'bad' | 'muted';
  /** What it means for the messages, and what would change it. */
  readonly note?: string;
}

const CHANNEL = {
  email: {
    name: 'e-mail',
    point: 'e-mail address',
    left: 'The patient opted out of e-mail (an unsubscribe link, or their request): nothing is sent by e-mail until they agree to it again.',
  },
  sms: {
    name: 'SMS',
    point: 'mobile number',
    left: 'The patient opted out of SMS (a STOP reply to a text, or their request): nothing is texted until they agree to it again. After a STOP reply, they also text START to the number to lift the carrier’s block.',
  },
} as const;

/** Whether messages go out on a channel, in words: an opt-out outweighs any consent. */
export function channelStatus(
  record: Pick<ContactPreferences, 'email' | 'mobile' | 'consent' | 'optedOut'>,
  channel: Channel,
): ChannelStatus {
  const words = CHANNEL[channel];
  if (record.optedOut[channel]) return { label: 'Opted out', tone: 'bad', note: words.left };
  const agreed = consentOf(record.consent, channel);
  if (!agreed)
    return { label: 'Not agreed', tone: 'muted', note: `Nothing is sent by ${words.name}.` };
  const point = channel === 'email' ? record.email : record.mobile;
  if (!point)
    return {
      label: 'Agreed',
      tone: 'warn',
      note: `No ${words.point} on record: nothing can be sent by ${words.name}.`,
    };
  return { label: 'Agreed', tone: 'ok' };
}

const consentOf = (consent: Consent, channel: Channel) =>
  channel === 'email' ? consent.byEmail : consent.bySms;

/** The people the console opens the page for: a UUID, as the services name patients. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isPersonId = (text: string): boolean => UUID.test(text);

/**
 * The page's address for a patient; `timeZone` (the visit's clinic's) fills the form's zone
 * when nothing is on record yet.
 */
export function contactsHref(patientId: string, timeZone?: string): string {
  const query = new URLSearchParams({ patient: patientId });
  if (timeZone) query.set('zone', timeZone);
  return `/console/contacts?${query.toString()}`;
}

/** The patient and the suggested zone of the page's address; no patient unless it is an id. */
export function contactsQuery(search: string): { patientId?: string; timeZone?: string } {
  const query = new URLSearchParams(search);
  const patientId = query.get('patient')?.trim() ?? '';
  const timeZone = query.get('zone') ?? '';
  return {
    ...(isPersonId(patientId) ? { patientId: patientId.toLowerCase() } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
}
