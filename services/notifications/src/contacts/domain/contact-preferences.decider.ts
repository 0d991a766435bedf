import type { Decider } from '@thc/event-store/decider';
import {
  ContactPreferencesCommand,
  OptOutOfChannel,
  RecordContactPreferences,
  StatedPreferences,
} from './contact-preferences.commands';
import { NoContactPreferencesError } from './contact-preferences.errors';
import {
  CONTACT_CHANNELS,
  CONTACT_EVENT as E,
  ContactChannel,
  ContactPreferencesEvent,
} from './contact-preferences.events';
import { ContactPreferencesState, initialContactPreferences } from './contact-preferences.state';

const consented = (consent: StatedPreferences['consent'], channel: ContactChannel): boolean =>
  channel === 'email' ? consent.byEmail : consent.bySms;

/** JSON with keys in order, so two records compare by value whatever order they were built in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * Whole record, latest wins. The same record again appends nothing; sealed values compare as
 * sealed, so the caller keeps the seal of a value that did not change. Stating consent on a
 * channel the person opted out of is opting in again: that is news even when nothing else is.
 */
function record(command: RecordContactPreferences, state: ContactPreferencesState) {
  const { record: before } = state;
  const { recordedAt: _at, recordedBy: _by, ...kept } = before ?? {};
  const optsIn = CONTACT_CHANNELS.some(
    (channel) => state.optedOut[channel] && consented(command.preferences.consent, channel),
  );
  if (before && !optsIn && canonical(kept) === canonical(command.preferences)) return [];
  return [
    {
      type: E.recorded,
      data: { ...command.preferences, recordedAt: command.at, recordedBy: command.by },
    } satisfies ContactPreferencesEvent,
  ];
}

/** Leaving a channel once is enough: leaving it again changes nothing. */
function optOut(command: OptOutOfChannel, state: ContactPreferencesState) {
  if (!state.record) throw new NoContactPreferencesError();
  if (state.optedOut[command.channel]) return [];
  const { personId, patientId } = state.record;
  return [
    {
      type: E.optedOut,
      data: {
        personId,
        patientId,
        channel: command.channel,
        source: command.source,
        optedOutAt: command.at,
      },
    } satisfies ContactPreferencesEvent,
  ];
}

function evolve(
  state: ContactPreferencesState,
  event: ContactPreferencesEvent,
): ContactPreferencesState {
  if (event.type === E.optedOut)
    return { ...state, optedOut: { ...state.optedOut, [event.data.channel]: true } };
  const { consent } = event.data;
  return {
    record: event.data,
    // Consent stated again on a channel ends its opt-out; without consent the opt-out stays.
    optedOut: {
      email: state.optedOut.email && !consent.byEmail,
      sms: state.optedOut.sms && !consent.bySms,
    },
  };
}

/** One person's contact points and preferences: record them whole, opt out of a channel. */
export const contactPreferencesDecider: Decider<
  ContactPreferencesState,
  ContactPreferencesCommand,
  ContactPreferencesEvent
> = {
  decide: (command, state) =>
    command.type === 'RecordContactPreferences' ? record(command, state) : optOut(command, state),
  evolve,
  initialState: initialContactPreferences,
};
