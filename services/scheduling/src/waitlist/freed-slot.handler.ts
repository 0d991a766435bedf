import { Injectable } from '@nestjs/common';
import { ConcurrencyError, DuplicateEventIdError } from '@thc/event-store';
import { derivedEventId } from '@thc/event-store/decider';
import { offerExpiryName, offerName } from './domain/offer-chain';
import { WaitlistRuleError } from './domain/waitlist.errors';
import type { WaitlistSlotOffered } from './domain/waitlist.events';
import { offerEnd, offerOpen } from './domain/waitlist.state';
import { WaitlistRepository } from './waitlist.repository';
import { FreedSlotDocument, FreedSlots } from './freed-slots.projection';
import { SlotTakenCheck } from './slot-taken.check';
import { WaitlistCandidates } from './waitlist-candidates';

interface Head {
  readonly offer: WaitlistSlotOffered['data'];
  readonly round: number;
}

/**
 * Moves a freed slot one step down the waitlist, from what is stored, so any instance may
 * run it at any time, again and again, and a step cut short by a crash is simply run again:
 *
 * 1. find the latest offer of the slot (its ids derive from the slot and the round);
 * 2. while it is open, wait for it;
 * 3. once it is over: if anyone holds the slot's time again, it was fulfilled (done);
 *    otherwise record that it expired unused, on the entry's stream, with an id derived from
 *    the offer (an entry that left gave its offer up and gets no expiry);
 * 4. offer the next round to the next entry the slot suits; with nobody left, or once the
 *    slot has begun, the slot is done.
 */
@Injectable()
export class FreedSlotHandler {
  constructor(
    private readonly waitlist: WaitlistRepository,
    private readonly freedSlots: FreedSlots,
    private readonly slotTaken: SlotTakenCheck,
    private readonly candidates: WaitlistCandidates,
  ) {}

  /** `leftEntryId`: an entry that just left, whose open offer is over now rather than later. */
  async advance(freed: FreedSlotDocument, now: Date, leftEntryId?: string): Promise<void> {
    const at = now.toISOString();
    const head = await this.head(freed);
    if (head && offerOpen(head.offer, at) && head.offer.waitlistEntryId !== leftEntryId) {
      await this.remember(freed, head);
      return;
    }
    if (await this.slotTaken.taken(freed.freedBy, freed.slot)) {
      await this.freedSlots.settle(freed._id);
      return;
    }
    const closed = head ? await this.closed(head.offer, at) : true;
    if (Date.parse(freed.slot.start) <= now.getTime()) {
      await this.freedSlots.settle(freed._id);
      return;
    }
    // An expiry that could not be recorded (the entry changed meanwhile) is tried next round.
    if (!closed) return;
    const round = head ? head.round + 1 : 0;
    const outcome = await this.candidates.offerRound(freed.freedBy, freed.slot, round, at);
    if (outcome === 'nobody') await this.freedSlots.settle(freed._id);
    // Whoever made the round, it is followed from here; after a settle this also catches a
    // round another instance made at the same moment (the document comes back).
    const next = await this.head(freed, round);
    if (next) await this.remember(freed, next);
  }

  /** The latest stored round from `from` on (the document's hint), by `_id` lookups. */
  private async head(freed: FreedSlotDocument, from = freed.rounds - 1): Promise<Head | undefined> {
    let found: Head | undefined;
    for (let round = Math.max(from, 0); ; round++) {
      const name = offerName(freed.freedBy, freed.slot, round);
      const offer = await this.waitlist.offerEvent(derivedEventId(`${name}/event`));
      if (!offer) return found;
      found = { offer, round };
    }
  }

  private remember(freed: FreedSlotDocument, head: Head): Promise<void> {
    return this.freedSlots.advanced(
      freed,
      head.round + 1,
      head.offer,
      new Date(offerEnd(head.offer)),
    );
  }

  /** Whether the offer is over for good: expired (recorded now if need be) or given up. */
  private async closed(offer: WaitlistSlotOffered['data'], at: string): Promise<boolean> {
    const eventId = derivedEventId(offerExpiryName(offer.offerId));
    if (await this.waitlist.stored(eventId)) return true;
    const command = { type: 'ExpireOffer', offerId: offer.offerId, at } as const;
    try {
      // An entry that left gave its offer up: nothing to expire.
      await this.waitlist.handle(
        offer.waitlistEntryId,
        (state) => (state.status === 'left' ? [] : [command]),
        { metadata: { actor: 'scheduling' }, eventIds: [eventId] },
      );
      return true;
    } catch (error) {
      if (error instanceof DuplicateEventIdError) return true;
      if (error instanceof ConcurrencyError || error instanceof WaitlistRuleError) return false;
      throw error;
    }
  }
}
