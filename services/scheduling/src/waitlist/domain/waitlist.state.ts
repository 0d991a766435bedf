import type { FreedSlot } from './waitlist.commands';
import type { WaitlistJoined, WaitlistSlotOffered } from './waitlist.events';

/** An offer as the entry remembers it; `expiredAt` once it ran out unused. */
export type WaitlistOffer = WaitlistSlotOffered['data'] & { readonly expiredAt?: string };

interface Listed {
  readonly entry: WaitlistJoined['data'];
  readonly offers: readonly WaitlistOffer[];
}

/** `none` before the join; a left entry keeps its history but takes no more offers. */
export type WaitlistState =
  | { readonly status: 'none' }
  | (Listed & { readonly status: 'waiting' })
  | (Listed & { readonly status: 'left'; readonly leftAt: string });

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

/** When an offer stops being bookable: at its expiry, or when its slot begins if sooner (UTC). */
export function offerEnd(offer: Pick<WaitlistOffer, 'expiresAt' | 'start'>): string {
  return new Date(Math.min(ms(offer.expiresAt), ms(offer.start))).toISOString();
}

export function offerOpen(offer: WaitlistOffer, at: string): boolean {
  return offer.expiredAt === undefined && ms(at) < ms(offerEnd(offer));
}

/** The offer the entry may still take, if any: an entry gets no second slot meanwhile. */
export function openOffer(state: WaitlistState, at: string): WaitlistOffer | undefined {
  return state.status === 'waiting' ? state.offers.find((o) => offerOpen(o, at)) : undefined;
}

export function hasOpenOffer(state: WaitlistState, at: string): boolean {
  return openOffer(state, at) !== undefined;
}

/** A slot passed on goes to the next patient, never back to one who let it expire. */
export function wasOffered(state: WaitlistState, slot: FreedSlot): boolean {
  return (
    state.status !== 'none' &&
    state.offers.some((o) => o.providerId === slot.providerId && ms(o.start) === ms(slot.start))
  );
}
