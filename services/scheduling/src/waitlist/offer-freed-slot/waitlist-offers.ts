import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConcurrencyError, DuplicateEventIdError } from '@thc/event-store';
import { derivedEventId } from '../../appointments/shared/derived-event-id';
import {
  FreedSlot,
  hasOpenOffer,
  slotMatches,
  WaitlistRuleError,
} from '../domain/waitlist.decider';
import { WaitlistRepository } from '../waitlist.repository';
import { WAITLIST_OFFER_MINUTES } from '../waitlist.settings';

/**
 * Offers a freed slot to the first waiting patient it suits (earliest to join). The offer's
 * event id derives from the freed slot, so one slot is offered once, whoever repeats the call;
 * each entry's offer is decided on its own stream (an entry holding an open offer is passed).
 */
@Injectable()
export class WaitlistOffers {
  private readonly logger = new Logger(WaitlistOffers.name);

  constructor(
    private readonly waitlist: WaitlistRepository,
    @Inject(WAITLIST_OFFER_MINUTES) private readonly offerMinutes: number,
  ) {}

  /** Answers the entry that got the offer, or undefined when nobody waits for this slot. */
  async offerFreedSlot(freedBy: string, slot: FreedSlot, now: Date): Promise<string | undefined> {
    const at = now.toISOString();
    const name = `waitlist-offer/${freedBy}/${Date.parse(slot.start)}`;
    for (const candidate of await this.waitlist.waitingIn(slot.clinicId, slot.visitType)) {
      const before = await this.waitlist.load(candidate._id);
      if (before.state.status === 'none') continue;
      if (!slotMatches(before.state.entry, slot, at) || hasOpenOffer(before.state, at)) continue;
      try {
        await this.waitlist.append(
          candidate._id,
          before,
          {
            type: 'OfferSlot',
            offerId: derivedEventId(name),
            slot,
            offerMinutes: this.offerMinutes,
            at,
          },
          'scheduling',
          derivedEventId(`${name}/event`),
        );
        return candidate._id;
      } catch (error) {
        if (error instanceof DuplicateEventIdError) return undefined; // offered already
        if (error instanceof ConcurrencyError || error instanceof WaitlistRuleError) continue;
        throw error;
      }
    }
    return undefined;
  }

  /** For the cancel flow: an offer that fails is logged, never a failed cancellation. */
  async offerQuietly(freedBy: string, slot: FreedSlot, now: Date): Promise<void> {
    await this.offerFreedSlot(freedBy, slot, now).catch((error: unknown) =>
      this.logger.warn(`freed slot of ${freedBy} not offered: ${(error as Error).message}`),
    );
  }
}
