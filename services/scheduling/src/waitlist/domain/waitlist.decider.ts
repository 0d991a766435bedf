import type { Decider } from '@thc/event-store/decider';
import type {
  ExpireOffer,
  JoinWaitlist,
  LeaveWaitlist,
  OfferSlot,
  WaitlistCommand,
} from './waitlist.commands';
import {
  WaitlistEntryLeftError,
  WaitlistEntryNotFoundError,
  WaitlistRuleError,
} from './waitlist.errors';
import { WAITLIST_EVENT as E, WaitlistEvent } from './waitlist.events';
import { hasOpenOffer, offerEnd, slotMatches, WaitlistState, wasOffered } from './waitlist.state';

type Listed = Exclude<WaitlistState, { status: 'none' }>;

const ms = (instant: string): number => Date.parse(instant);

function listed(state: WaitlistState): Listed {
  if (state.status === 'none') throw new WaitlistEntryNotFoundError();
  return state;
}

function waiting(state: WaitlistState): Extract<WaitlistState, { status: 'waiting' }> {
  const entry = listed(state);
  if (entry.status === 'left') throw new WaitlistEntryLeftError();
  return entry;
}

function join(command: JoinWaitlist, state: WaitlistState): WaitlistEvent[] {
  if (state.status !== 'none') throw new WaitlistRuleError('this waitlist entry exists');
  if (ms(command.entry.earlierThan) <= ms(command.at))
    throw new WaitlistRuleError('earlierThan must be in the future');
  return [
    { type: E.joined, data: { ...command.entry, joinedAt: command.at, joinedBy: command.by } },
  ];
}

function offer(command: OfferSlot, state: WaitlistState): WaitlistEvent[] {
  const current = waiting(state);
  if (!slotMatches(current.entry, command.slot, command.at))
    throw new WaitlistRuleError('the slot is not what this entry waits for');
  if (hasOpenOffer(current, command.at))
    throw new WaitlistRuleError('the entry already holds an open offer');
  if (wasOffered(current, command.slot))
    throw new WaitlistRuleError('this slot was offered to this entry before');
  const { waitlistEntryId, patientId } = current.entry;
  const data = {
    waitlistEntryId,
    offerId: command.offerId,
    patientId,
    ...command.slot,
    offeredAt: command.at,
    expiresAt: new Date(ms(command.at) + command.offerMinutes * 60_000).toISOString(),
  };
  return [{ type: E.offered, data }];
}

function expire(command: ExpireOffer, state: WaitlistState): WaitlistEvent[] {
  const current = waiting(state);
  const offered = current.offers.find((o) => o.offerId === command.offerId);
  if (!offered) throw new WaitlistRuleError('no such offer');
  if (offered.expiredAt !== undefined) throw new WaitlistRuleError('the offer expired already');
  const expiredAt = offerEnd(offered);
  if (ms(command.at) < ms(expiredAt)) throw new WaitlistRuleError('the offer is still open');
  const { waitlistEntryId, patientId } = current.entry;
  return [
    {
      type: E.offerExpired,
      data: { waitlistEntryId, offerId: offered.offerId, patientId, expiredAt },
    },
  ];
}

function leave(command: LeaveWaitlist, state: WaitlistState): WaitlistEvent[] {
  const { waitlistEntryId, patientId } = waiting(state).entry;
  const data = {
    waitlistEntryId,
    patientId,
    reasonCode: command.reasonCode,
    leftAt: command.at,
    leftBy: command.by,
  };
  return [{ type: E.left, data }];
}

function decide(command: WaitlistCommand, state: WaitlistState): WaitlistEvent[] {
  switch (command.type) {
    case 'JoinWaitlist':
      return join(command, state);
    case 'OfferSlot':
      return offer(command, state);
    case 'ExpireOffer':
      return expire(command, state);
    case 'LeaveWaitlist':
      return leave(command, state);
  }
}

function evolve(state: WaitlistState, event: WaitlistEvent): WaitlistState {
  if (event.type === E.joined) return { status: 'waiting', entry: event.data, offers: [] };
  if (state.status === 'none') return state;
  switch (event.type) {
    case E.offered:
      return { ...state, offers: [...state.offers, event.data] };
    case E.offerExpired: {
      const { offerId, expiredAt } = event.data;
      const offers = state.offers.map((o) => (o.offerId === offerId ? { ...o, expiredAt } : o));
      return { ...state, offers };
    }
    case E.left:
      return {
        status: 'left',
        entry: state.entry,
        offers: state.offers,
        leftAt: event.data.leftAt,
      };
  }
}

/** One patient's place on a waitlist and the slots offered to it; pure, time comes in. */
export const waitlistDecider: Decider<WaitlistState, WaitlistCommand, WaitlistEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none' }),
};
