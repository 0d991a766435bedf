import type { EventDataOf } from '@thc/contracts';

export const CONTACT_EVENT = {
  recorded: 'thc.notifications.ContactPreferencesRecorded.v1',
  optedOut: 'thc.notifications.ChannelOptedOut.v1',
} as const;

export type ContactPreferencesRecorded = EventDataOf<typeof CONTACT_EVENT.recorded>;
export type ChannelOptedOut = EventDataOf<typeof CONTACT_EVENT.optedOut>;
export type ContactChannel = ChannelOptedOut['channel'];
export type OptOutSource = ChannelOptedOut['source'];
export type SealedField = NonNullable<ContactPreferencesRecorded['email']>;

export type ContactPreferencesEvent =
  | { readonly type: typeof CONTACT_EVENT.recorded; readonly data: ContactPreferencesRecorded }
  | { readonly type: typeof CONTACT_EVENT.optedOut; readonly data: ChannelOptedOut };

export const CONTACT_CHANNELS = ['email', 'sms'] as const satisfies readonly ContactChannel[];

/** One stream per person (patient, caregiver, interpreter): `contact-preferences-<personId>`. */
export const contactPreferencesStream = (personId: string): string =>
  `contact-preferences-${personId}`;
