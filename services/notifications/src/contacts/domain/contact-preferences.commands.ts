import type {
  ContactChannel,
  ContactPreferencesRecorded,
  OptOutSource,
} from './contact-preferences.events';

/** The whole record as stated, its contact points already sealed (time comes in `at`). */
export type StatedPreferences = Omit<ContactPreferencesRecorded, 'recordedAt' | 'recordedBy'>;

export interface RecordContactPreferences {
  readonly type: 'RecordContactPreferences';
  readonly preferences: StatedPreferences;
  readonly at: string;
  readonly by: ContactPreferencesRecorded['recordedBy'];
}

export interface OptOutOfChannel {
  readonly type: 'OptOutOfChannel';
  readonly channel: ContactChannel;
  readonly source: OptOutSource;
  readonly at: string;
}

export type ContactPreferencesCommand = RecordContactPreferences | OptOutOfChannel;
