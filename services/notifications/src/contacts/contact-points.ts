/** A person's contact points and preferences, opened for the moment of sending. */
export interface ContactPoints {
  readonly personId: string;
  /** Whose key seals them. */
  readonly patientId: string;
  readonly email?: string;
  /** E.164. */
  readonly mobile?: string;
  /** BCP 47: their own, else the patient profile's from scheduling. */
  readonly language?: string;
  readonly timeZone?: string;
  readonly quietHours?: { readonly start: string; readonly end: string };
  readonly consent: { readonly byEmail: boolean; readonly bySms: boolean };
  readonly optedOut: { readonly email: boolean; readonly sms: boolean };
}

export type ContactLookup =
  | { readonly found: true; readonly contact: ContactPoints }
  | { readonly found: false; readonly reason: 'none' | 'erased'; readonly language?: string };

/** The contact points of a person, opened (one read by _id, then the seals). */
export interface ContactDirectory {
  contactFor(personId: string): Promise<ContactLookup>;
}

export const CONTACT_DIRECTORY = Symbol('CONTACT_DIRECTORY');
