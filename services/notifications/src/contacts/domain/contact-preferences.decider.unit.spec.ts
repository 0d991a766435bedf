import { deciderSpec } from '@thc/testing';
import {
  OptOutOfChannel,
  RecordContactPreferences,
  StatedPreferences,
} from './contact-preferences.commands';
import { contactPreferencesDecider as decider } from './contact-preferences.decider';
import { NoContactPreferencesError } from './contact-preferences.errors';
import { CONTACT_EVENT as E, ContactPreferencesEvent } from './contact-preferences.events';
import { reachableOn } from './contact-preferences.state';

const ids = {
  person: '5d0c2a4e-8b1f-4c3a-9e7d-2f6b8a1c3e55',
  patient: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  coordinator: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04',
};
const sealed = (ciphertext: string) => ({
  v: 2 as const,
  alg: 'AES-256-GCM' as const,
  keyId: '3f1e5a7c-9b2d-4e6f-8a1c-5e7a9c1b3d02',
  iv: 'AAAAAAAAAAAAAAAA',
  ciphertext,
  tag: 'AAAAAAAAAAAAAAAAAAAAAA==',
});
const by = { kind: 'user', userId: ids.coordinator, role: 'coordinator' } as const;
const given = deciderSpec(decider);

const stated: StatedPreferences = {
  personId: ids.person,
  patientId: ids.patient,
  email: sealed('ZW1haWw='),
  mobile: sealed('bW9iaWxl'),
  timeZone: 'America/New_York',
  quietHours: { start: '21:00', end: '08:00' },
  consent: { byEmail: true, bySms: true },
};
const recordIt = (preferences: StatedPreferences, at = '2026-03-02T14:00:00Z') =>
  ({ type: 'RecordContactPreferences', preferences, at, by }) satisfies RecordContactPreferences;
const recorded = (preferences: StatedPreferences, at = '2026-03-02T14:00:00Z') =>
  ({
    type: E.recorded,
    data: { ...preferences, recordedAt: at, recordedBy: by },
  }) satisfies ContactPreferencesEvent;

const stop: OptOutOfChannel = {
  type: 'OptOutOfChannel',
  channel: 'sms',
  source: 'stop-reply',
  at: '2026-03-03T18:20:00Z',
};
const smsOptedOut = {
  type: E.optedOut,
  data: {
    personId: ids.person,
    patientId: ids.patient,
    channel: 'sms',
    source: 'stop-reply',
    optedOutAt: '2026-03-03T18:20:00Z',
  },
} satisfies ContactPreferencesEvent;

const stateAfter = (events: readonly ContactPreferencesEvent[]) =>
  events.reduce(decider.evolve, decider.initialState());

describe('contact preferences decider', () => {
  it('records a first record whole', () =>
    given([])
      .when(recordIt(stated))
      .then([recorded(stated)]));

  it('appends nothing for the same record stated again, at another time', () =>
    given([recorded(stated)])
      .when(recordIt(stated, '2026-03-09T10:00:00Z'))
      .then([]));

  it('appends nothing when only the order of the fields differs', () => {
    const { consent: _consent, ...rest } = stated;
    given([recorded(stated)])
      .when(recordIt({ consent: { bySms: true, byEmail: true }, ...rest }))
      .then([]);
  });

  it.each([
    ['a new e-mail (sealed anew)', { email: sealed('bmV3') }],
    ['no mobile any more', { mobile: undefined }],
    ['other quiet hours', { quietHours: { start: '22:00', end: '07:00' } }],
    ['another time zone', { timeZone: 'America/Chicago' }],
    ['SMS consent withdrawn', { consent: { byEmail: true, bySms: false } }],
  ])('records the whole record again on %s', (_, change) => {
    const next = { ...stated, ...change } as StatedPreferences;
    given([recorded(stated)])
      .when(recordIt(next, '2026-03-09T10:00:00Z'))
      .then([recorded(next, '2026-03-09T10:00:00Z')]);
  });

  it('opts a person out of SMS', () =>
    given([recorded(stated)])
      .when(stop)
      .then([smsOptedOut]));

  it('records an opt-out once: the second STOP changes nothing', () =>
    given([recorded(stated), smsOptedOut])
      .when({ ...stop, at: '2026-03-04T09:00:00Z' })
      .then([]));

  it('names the source of an opt-out', () =>
    given([recorded(stated)])
      .when({ ...stop, channel: 'email', source: 'unsubscribe-link' })
      .then([
        {
          type: E.optedOut,
          data: { ...smsOptedOut.data, channel: 'email', source: 'unsubscribe-link' },
        },
      ]));

  it('refuses an opt-out of a person with no record', () =>
    given([]).when(stop).then(NoContactPreferencesError));

  it('takes the same record with consent to SMS after a STOP as opting in again', () => {
    given([recorded(stated), smsOptedOut])
      .when(recordIt(stated, '2026-03-10T10:00:00Z'))
      .then([recorded(stated, '2026-03-10T10:00:00Z')]);
    expect(reachableOn(stateAfter([recorded(stated), smsOptedOut]), 'sms')).toBe(false);
    expect(
      reachableOn(
        stateAfter([recorded(stated), smsOptedOut, recorded(stated, '2026-03-10T10:00:00Z')]),
        'sms',
      ),
    ).toBe(true);
  });

  it('keeps the opt-out when the record again gives no SMS consent', () => {
    const noSms = { ...stated, consent: { byEmail: true, bySms: false } };
    const state = stateAfter([recorded(stated), smsOptedOut, recorded(noSms)]);
    expect(state.optedOut).toEqual({ email: false, sms: true });
    given([recorded(stated), smsOptedOut, recorded(noSms)])
      .when(recordIt(noSms))
      .then([]);
  });

  it('leaves e-mail reachable after an SMS opt-out', () => {
    const state = stateAfter([recorded(stated), smsOptedOut]);
    expect(reachableOn(state, 'email')).toBe(true);
    expect(reachableOn(state, 'sms')).toBe(false);
  });
});
