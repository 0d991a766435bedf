import { PlatformApi } from './platform-api';

/** The language a patient's messages are written in. */
export type MessageLanguage = 'en' | 'es';

/** How the scenario reaches one patient by e-mail: an address of their own, in their language. */
export interface PatientContact {
  readonly email: string;
  readonly language: MessageLanguage;
}

/** Patients who recorded contact points, by patient id; the others recorded none. */
export type ContactBook = ReadonlyMap<string, PatientContact>;

/** One address per patient, so a mailbox in the shared Mailpit holds that patient's mail only. */
export const patientEmail = (patientId: string): string => `${patientId}@patients.example.org`;

/**
 * Each patient not in `withoutContact` records, as themself, an e-mail address they agree to
 * be written to (no SMS), their time zone, and their language: Spanish for those in `spanish`.
 */
export async function recordContactPreferences(
  api: PlatformApi,
  patients: readonly string[],
  choices: { readonly withoutContact: ReadonlySet<string>; readonly spanish: ReadonlySet<string> },
): Promise<ContactBook> {
  const book = new Map<string, PatientContact>();
  for (const patientId of patients) {
    if (choices.withoutContact.has(patientId)) continue;
    const contact: PatientContact = {
      email: patientEmail(patientId),
      language: choices.spanish.has(patientId) ? 'es' : 'en',
    };
    await api.expect(
      200,
      'notifications',
      'PUT',
      `/api/v1/people/${patientId}/contact-preferences`,
      { role: 'patient', sub: patientId },
      {
        email: contact.email,
        timeZone: 'America/New_York',
        preferredLanguage: contact.language,
        consent: { byEmail: true, bySms: false },
      },
    );
    book.set(patientId, contact);
  }
  return book;
}
