import type { ContactChannel, ContactPreferencesRecorded } from './contact-preferences.events';

/** A person's latest record (contact points still sealed) and the channels they left. */
export interface ContactPreferencesState {
  readonly record?: ContactPreferencesRecorded;
  readonly optedOut: Readonly<Record<ContactChannel, boolean>>;
}

export const initialContactPreferences = (): ContactPreferencesState => ({
  optedOut: { email: false, sms: false },
});

/** Whether the person may be written to on a channel: they agreed, and have not left it since. */
export const reachableOn = (state: ContactPreferencesState, channel: ContactChannel): boolean =>
  state.record !== undefined &&
  (channel === 'email' ? state.record.consent.byEmail : state.record.consent.bySms) &&
  !state.optedOut[channel];
