import type { WaitlistJoined, WaitlistLeft } from './waitlist.events';

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

/** Records that an offer ran out unused; the caller has checked that nobody booked the slot. */
export interface ExpireOffer {
  readonly type: 'ExpireOffer';
  readonly offerId: string;
  readonly at: string;
}

export interface LeaveWaitlist {
  readonly type: 'LeaveWaitlist';
  readonly reasonCode: WaitlistLeft['data']['reasonCode'];
  readonly at: string;
  readonly by: WaitlistLeft['data']['leftBy'];
}

export type WaitlistCommand = JoinWaitlist | OfferSlot | ExpireOffer | LeaveWaitlist;
