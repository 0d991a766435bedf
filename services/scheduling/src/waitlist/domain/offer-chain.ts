import type { FreedSlot } from './waitlist.commands';

/*
 * A freed slot goes down the waitlist as a chain of offers: round 0 to the first entry it
 * suits, and after each offer that runs out unused, the next round to the next entry. The
 * names below are what every id of the chain derives from: whoever makes a round (the
 * cancelling request, the consumer of the stored cancellation, the poller of any instance,
 * before or after a restart) writes the same event id, so the store keeps exactly one.
 */

/** One freed slot: the appointment that gave it up, and the start it gave up. */
export const freedSlotKey = (freedBy: string, slot: Pick<FreedSlot, 'start'>): string =>
  `${freedBy}/${Date.parse(slot.start)}`;

/** The name of a round's offer (its offerId) and, with `/event`, of its event id. */
export function offerName(freedBy: string, slot: Pick<FreedSlot, 'start'>, round: number): string {
  // Round 0 keeps the name offers had before rounds existed, so stored offers keep their ids.
  const first = `waitlist-offer/${freedSlotKey(freedBy, slot)}`;
  return round === 0 ? first : `${first}/${round}`;
}

/** The name of the event id recording that an offer ran out unused. */
export const offerExpiryName = (offerId: string): string => `waitlist-offer-expired/${offerId}`;
