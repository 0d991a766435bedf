import { deciderSpec } from '@thc/testing';
import {
  FreedSlot,
  JoinWaitlist,
  OfferSlot,
  waitlistDecider,
  WaitlistRuleError,
} from './waitlist.decider';
import { WAITLIST_EVENT as E, WaitlistEvent } from './waitlist.events';

const ids = {
  entry: '6f8b1d3a-5e7c-4a9e-8d3f-4b6d8f1a3d13',
  offer: '8b1d3f5c-7a9e-4c2a-9f5b-6d8f1b3c5f14',
  patient: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  provider: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  otherProvider: '6c8e3f1d-9b2a-4d4f-a7e5-8f3b1d2e4a04',
  clinic: '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06',
};
const patient = { kind: 'user', userId: ids.patient, role: 'patient' } as const;
const given = deciderSpec(waitlistDecider);

const join = (providerId?: string): JoinWaitlist => ({
  type: 'JoinWaitlist',
  entry: {
    waitlistEntryId: ids.entry,
    patientId: ids.patient,
    clinicId: ids.clinic,
    ...(providerId ? { providerId } : {}),
    visitType: 'video',
    earlierThan: '2026-03-20T09:00:00-04:00',
    timeZone: 'America/New_York',
  },
  at: '2026-03-05T14:00:00Z',
  by: patient,
});
const joined = (providerId?: string): WaitlistEvent => ({
  type: E.joined,
  data: { ...join(providerId).entry, joinedAt: '2026-03-05T14:00:00Z', joinedBy: patient },
});
const slot = {
  providerId: ids.provider,
  clinicId: ids.clinic,
  visitType: 'video',
  start: '2026-03-12T15:00:00-04:00',
  end: '2026-03-12T15:30:00-04:00',
  timeZone: 'America/New_York',
} as const;
const offer = (at = '2026-03-10T13:40:00Z', changes: Partial<FreedSlot> = {}): OfferSlot => ({
  type: 'OfferSlot',
  offerId: ids.offer,
  slot: { ...slot, ...changes },
  offerMinutes: 60,
  at,
});
const offered: WaitlistEvent = {
  type: E.offered,
  data: {
    waitlistEntryId: ids.entry,
    offerId: ids.offer,
    patientId: ids.patient,
    ...slot,
    offeredAt: '2026-03-10T13:40:00Z',
    expiresAt: '2026-03-10T14:40:00.000Z',
  },
};

describe('waitlist decider', () => {
  describe('JoinWaitlist', () => {
    it('joins', () =>
      given([])
        .when(join(ids.provider))
        .then([joined(ids.provider)]));
    it('refuses a second join of the same entry', () =>
      given([joined()]).when(join()).then(WaitlistRuleError));
    it('refuses waiting for a time already past', () =>
      given([])
        .when({ ...join(), at: '2026-03-21T00:00:00Z' })
        .then(new WaitlistRuleError('earlierThan must be in the future')));
  });

  describe('OfferSlot', () => {
    it('offers an earlier slot with the wanted provider, for an hour', () =>
      given([joined(ids.provider)])
        .when(offer())
        .then([offered]));
    it('offers any provider of the clinic when none was named', () =>
      given([joined()])
        .when(offer(undefined, { providerId: ids.otherProvider }))
        .then([{ ...offered, data: { ...offered.data, providerId: ids.otherProvider } }]));
    it.each([
      ['another provider', { providerId: ids.otherProvider }],
      ['another visit type', { visitType: 'audio' as const }],
      ['not earlier than wanted', { start: '2026-03-20T09:00:00-04:00' }],
    ])('refuses a slot with %s', (_, changes) =>
      given([joined(ids.provider)])
        .when(offer(undefined, changes))
        .then(WaitlistRuleError),
    );
    it('refuses a slot already begun', () =>
      given([joined()]).when(offer('2026-03-12T19:10:00Z')).then(WaitlistRuleError));
    it('holds one open offer at a time, and offers again once it expired', () => {
      given([joined(), offered]).when(offer('2026-03-10T14:00:00Z')).then(WaitlistRuleError);
      given([joined(), offered])
        .when(offer('2026-03-10T15:00:00Z'))
        .then([
          {
            ...offered,
            data: {
              ...offered.data,
              offeredAt: '2026-03-10T15:00:00Z',
              expiresAt: '2026-03-10T16:00:00.000Z',
            },
          },
        ]);
    });
    it('refuses an offer to an entry that does not exist', () =>
      given([]).when(offer()).then(WaitlistRuleError));
  });
});
