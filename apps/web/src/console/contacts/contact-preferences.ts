/** A person's contact preferences as the notifications service reads them back. */
export interface ContactPreferences {
  readonly personId: string;
  /** Whose key seals the record: the patient themself, for a patient. */
  readonly patientId: string;
  readonly email?: string;
  /** E.164. */
  readonly mobile?: string;
  /** BCP 47; absent: the patient profile's language is used. */
  readonly preferredLanguage?: string;
  /** IANA zone: quiet hours are read in it, and times are written in it. */
  readonly timeZone: string;
  readonly quietHours?: QuietHours;
  readonly consent: Consent;
  /** Channels left since consent was last stated: nothing is sent on them. */
  readonly optedOut: { readonly email: boolean; readonly sms: boolean };
  readonly recordedAt: string;
  readonly version: number;
}

export interface QuietHours {
  /** HH:mm, the person's own time. */
  readonly start: string;
  readonly end: string;
}

export interface Consent {
  readonly byEmail: boolean;
  readonly bySms: boolean;
}

export type Channel = 'email' | 'sms';

/** The body of `PUT …/contact-preferences`: the whole record, what is absent is not kept. */
export interface ContactPreferencesBody {
  readonly email?: string;
  readonly mobile?: string;
  readonly preferredLanguage?: string;
  readonly timeZone: string;
  readonly quietHours?: QuietHours;
  readonly consent: Consent;
}

/** The form's fields as typed; empty text means "not stated". */
export interface ContactForm {
  readonly email: string;
  readonly mobile: string;
  readonly preferredLanguage: string;
  readonly timeZone: string;
  readonly quietHoursOn: boolean;
  readonly quietStart: string;
  readonly quietEnd: string;
  readonly byEmail: boolean;
  readonly bySms: boolean;
}

export type ContactField = Exclude<keyof ContactForm, 'quietHoursOn'>;

/** Quiet hours offered when a coordinator turns them on: the evening to the morning. */
const USUAL_QUIET_HOURS: QuietHours = { start: '21:00', end: '08:00' };

/**
 * The form filled with what is on record, or empty but for the time zone when nothing is
 * (`timeZone`: the visit's clinic's, the best guess at where the patient lives).
 */
export function formOf(record: ContactPreferences | undefined, timeZone: string): ContactForm {
  const quiet = record?.quietHours;
  return {
    email: record?.email ?? '',
    mobile: record?.mobile ?? '',
    preferredLanguage: record?.preferredLanguage ?? '',
    timeZone: record?.timeZone ?? timeZone,
    quietHoursOn: quiet !== undefined,
    quietStart: (quiet ?? USUAL_QUIET_HOURS).start,
    quietEnd: (quiet ?? USUAL_QUIET_HOURS).end,
    byEmail: record?.consent.byEmail ?? false,
    bySms: record?.consent.bySms ?? false,
  };
}

/**
 * What the form states, as the service takes it. Empty fields are left out (the service keeps
 * nothing for them); nothing else is checked here: the service names what it refuses.
 */
export function bodyOf(form: ContactForm): ContactPreferencesBody {
  const stated = (value: string) => value.trim() || undefined;
  const email = stated(form.email);
  const mobile = stated(form.mobile);
  const preferredLanguage = stated(form.preferredLanguage);
  return {
    ...(email ? { email } : {}),
    ...(mobile ? { mobile } : {}),
    ...(preferredLanguage ? { preferredLanguage } : {}),
    timeZone: form.timeZone.trim(),
    ...(form.quietHoursOn ? { quietHours: { start: form.quietStart, end: form.quietEnd } } : {}),
    consent: { byEmail: form.byEmail, bySms: form.bySms },
  };
}

/** The record's address in the notifications service. */
export const contactPreferencesPath = (personId: string): string =>
  `/api/v1/people/${encodeURIComponent(personId)}/contact-preferences`;
