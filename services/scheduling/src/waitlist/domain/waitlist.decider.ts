import type { Decider } from '@thc/event-store';
import {
  WAITLIST_EVENT as E,
  WaitlistEvent,
  WaitlistJoined,
  WaitlistSlotOffered,
} from './waitlist.events';

/** A freed slot, as the cancelled appointment held it. */
export interface FreedSlot {
  readonly providerId: string;
  readonly clinicId: string;
  readonly visitType: 'video' | 'audio';
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

export interface JoinWaitlist {
  readonly type: 'JoinWaitlist';
  readonly entry: Omit<WaitlistJoined['data'], 'joinedAt' | 'joinedBy'>;
  readonly at: string;
  readonly by: WaitlistJoined['data']['joinedBy'];
}

export interface OfferSlot {
  readonly type: 'OfferSlot';
  readonly offerId: string;
  readonly slot: FreedSlot;
  /** How long the patient has to take it before it goes to the next one. */
  readonly offerMinutes: number;
  readonly at: string;
}

export type WaitlistCommand = JoinWaitlist | OfferSlot;

export type WaitlistState =
  | { readonly status: 'none' }
  | {
      readonly status: 'waiting';
      readonly entry: WaitlistJoined['data'];
      readonly offers: readonly WaitlistSlotOffered['data'][];
    };

export class WaitlistRuleError extends Error {
  override readonly name = 'WaitlistRuleError';
}

const ms = (instant: string): number => Date.parse(instant);

/** Whether a freed slot is what the entry waits for, at `at` (pure; the offer rule). */
export function slotMatches(entry: WaitlistJoined['data'], slot: FreedSlot, at: string): boolean {
  return (
    entry.clinicId === slot.clinicId &&
    (entry.providerId === undefined || entry.providerId === slot.providerId) &&
    entry.visitType === slot.visitType &&
    ms(slot.start) > ms(at) &&
    ms(slot.start) < ms(entry.earlierThan)
  );
}

/** An offer made and not yet expired: the entry gets no second slot meanwhile. */
export function hasOpenOffer(state: WaitlistState, at: string): boolean {
  return state.status === 'waiting' && state.offers.some((o) => ms(o.expiresAt) > ms(at));
}

function decide(command: WaitlistCommand, state: WaitlistState): WaitlistEvent[] {
  switch (command.type) {
    case 'JoinWaitlist': {
      if (state.status !== 'none') throw new WaitlistRuleError('this waitlist entry exists');
      if (ms(command.entry.earlierThan) <= ms(command.at))
        throw new WaitlistRuleError('earlierThan must be in the future');
      return [
        { type: E.joined, data: { ...command.entry, joinedAt: command.at, joinedBy: command.by } },
      ];
    }
    case 'OfferSlot': {
      if (state.status === 'none') throw new WaitlistRuleError('no such waitlist entry');
      if (!slotMatches(state.entry, command.slot, command.at))
        throw new WaitlistRuleError('the slot is not what this entry waits for');
      if (hasOpenOffer(state, command.at))
        throw new WaitlistRuleError('the entry already holds an open offer');
      const { waitlistEntryId, patientId } = state.entry;
      return [
        {
          type: E.offered,
          data: {
            waitlistEntryId,
            offerId: command.offerId,
            patientId,
            ...command.slot,
            offeredAt: command.at,
            expiresAt: new Date(ms(command.at) + command.offerMinutes * 60_000).toISOString(),
          },
        },
      ];
    }
  }
}

function evolve(state: WaitlistState, event: WaitlistEvent): WaitlistState {
  switch (event.type) {
    case E.joined:
      return { status: 'waiting', entry: event.data, offers: [] };
    case E.offered:
      return state.status === 'none' ? state : { ...state, offers: [...state.offers, event.data] };
  }
}

/** One patient's place on a waitlist and the slots offered to it; pure, time comes in. */
export const waitlistDecider: Decider<WaitlistState, WaitlistCommand, WaitlistEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none' }),
};
