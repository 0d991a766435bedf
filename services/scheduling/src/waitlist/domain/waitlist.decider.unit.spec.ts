import { deciderSpec } from '@thc/testing';
import type {
  ExpireOffer,
  FreedSlot,
  JoinWaitlist,
  LeaveWaitlist,
  OfferSlot,
} from './waitlist.commands';
import { waitlistDecider } from './waitlist.decider';
import {
  WaitlistEntryLeftError,
  WaitlistEntryNotFoundError,
  WaitlistRuleError,
} from './waitlist.errors';
import { WAITLIST_EVENT as E, WaitlistEvent } from './waitlist.events';

const ids = {
  entry: '6f8b1d3a-5e7c-4a9e-8d3f-4b6d8f1a3d13',
  offer: '8b1d3f5c-7a9e-4c2a-9f5b-6d8f1b3c5f14',
  patient: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  provider: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  otherProvider: '6c8e3f1d-9b2a-4d4f-a7e5-8f3b1d2e4a04',
  clinic: '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06',
  coordinator: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04',
};
const patient = { kind: 'user', userId: ids.patient, role: 'patient' } as const;
const coordinator = { kind: 'user', userId: ids.coordinator, role: 'coordinator' } as const;
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
const offered = {
  type: E.offered,
  data: {
    waitlistEntryId: ids.entry,
    offerId: ids.offer,
    patientId: ids.patient,
    ...slot,
    offeredAt: '2026-03-10T13:40:00Z',
    expiresAt: '2026-03-10T14:40:00.000Z',
  },
} as const satisfies WaitlistEvent;
const expire = (at: string): ExpireOffer => ({ type: 'ExpireOffer', offerId: ids.offer, at });
const expired = (expiredAt = '2026-03-10T14:40:00.000Z'): WaitlistEvent => ({
  type: E.offerExpired,
  data: { waitlistEntryId: ids.entry, offerId: ids.offer, patientId: ids.patient, expiredAt },
});
const leave = (by: LeaveWaitlist['by'] = patient): LeaveWaitlist => ({
  type: 'LeaveWaitlist',
  reasonCode: 'booked-elsewhere',
  at: '2026-03-10T14:00:00Z',
  by,
});
const left = (by: LeaveWaitlist['by'] = patient): WaitlistEvent => ({
  type: E.left,
  data: {
    waitlistEntryId: ids.entry,
    patientId: ids.patient,
    reasonCode: 'booked-elsewhere',
    leftAt: '2026-03-10T14:00:00Z',
    leftBy: by,
  },
});

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
    it('holds one open offer at a time, and offers another slot once it expired', () => {
      const later = { start: '2026-03-13T15:00:00-04:00', end: '2026-03-13T15:30:00-04:00' };
      given([joined(), offered])
        .when(offer('2026-03-10T14:00:00Z', later))
        .then(new WaitlistRuleError('the entry already holds an open offer'));
      given([joined(), offered])
        .when(offer('2026-03-10T15:00:00Z', later))
        .then([
          {
            ...offered,
            data: {
              ...offered.data,
              ...later,
              offeredAt: '2026-03-10T15:00:00Z',
              expiresAt: '2026-03-10T16:00:00.000Z',
            },
          },
        ]);
    });
    it('never offers the same slot to the same entry twice: it goes to the next one', () =>
      given([joined(), offered, expired()])
        .when(offer('2026-03-10T15:00:00Z'))
        .then(new WaitlistRuleError('this slot was offered to this entry before')));
    it('closes an offer when its slot begins, even before it expires', () => {
      const soon = { start: '2026-03-10T14:10:00Z', end: '2026-03-10T14:40:00Z' };
      const offeredSoon = { ...offered, data: { ...offered.data, ...soon } };
      const later = { start: '2026-03-13T15:00:00-04:00', end: '2026-03-13T15:30:00-04:00' };
      given([joined(), offeredSoon])
        .when(offer('2026-03-10T14:10:00Z', later))
        .then([
          {
            ...offered,
            data: {
              ...offered.data,
              ...later,
              offeredAt: '2026-03-10T14:10:00Z',
              expiresAt: '2026-03-10T15:10:00.000Z',
            },
          },
        ]);
    });
    it('refuses an offer to an entry that does not exist', () =>
      given([]).when(offer()).then(WaitlistEntryNotFoundError));
    it('never offers a slot to an entry that left', () =>
      given([joined(), left()]).when(offer()).then(WaitlistEntryLeftError));
  });

  describe('ExpireOffer', () => {
    it('records an offer that ran out unused', () =>
      given([joined(), offered]).when(expire('2026-03-10T14:41:00Z')).then([expired()]));
    it("dates the expiry at the slot's start when the slot began first", () => {
      const soon = { start: '2026-03-10T14:10:00Z', end: '2026-03-10T14:40:00Z' };
      given([joined(), { ...offered, data: { ...offered.data, ...soon } }])
        .when(expire('2026-03-10T14:20:00Z'))
        .then([expired('2026-03-10T14:10:00.000Z')]);
    });
    it('refuses while the offer is open', () =>
      given([joined(), offered])
        .when(expire('2026-03-10T14:39:59Z'))
        .then(new WaitlistRuleError('the offer is still open')));
    it('records an expiry once', () =>
      given([joined(), offered, expired()])
        .when(expire('2026-03-10T15:00:00Z'))
        .then(new WaitlistRuleError('the offer expired already')));
    it('refuses an offer the entry never had', () =>
      given([joined()]).when(expire('2026-03-10T15:00:00Z')).then(WaitlistRuleError));
    it('records nothing for an entry that left: its offer was given up with it', () =>
      given([joined(), offered, left()])
        .when(expire('2026-03-10T15:00:00Z'))
        .then(WaitlistEntryLeftError));
  });

  describe('LeaveWaitlist', () => {
    it('leaves, by the patient or by staff for them', () => {
      given([joined()]).when(leave()).then([left()]);
      given([joined(), offered])
        .when(leave(coordinator))
        .then([left(coordinator)]);
    });
    it('refuses leaving twice', () =>
      given([joined(), left()]).when(leave()).then(WaitlistEntryLeftError));
    it('refuses leaving an entry that does not exist', () =>
      given([]).when(leave()).then(WaitlistEntryNotFoundError));
  });
});
