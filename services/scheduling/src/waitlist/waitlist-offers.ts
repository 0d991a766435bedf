import { Injectable, Logger } from '@nestjs/common';
import { freedSlotKey } from './domain/offer-chain';
import type { FreedSlot } from './domain/waitlist.commands';
import type { WaitlistOffer } from './domain/waitlist.state';
import { FreedSlotHandler } from './freed-slot.handler';
import { FreedSlots } from './freed-slots.projection';

/**
 * Where a freed slot enters the waitlist: noted as work first (so the poller follows its
 * offers up whatever happens next), then offered to the first waiting patient it suits.
 * Called right after a cancellation (the fast way) and again by the consumer of the stored
 * AppointmentCancelled (the way that survives a crash in between); the derived ids make the
 * second call change nothing.
 */
@Injectable()
export class WaitlistOffers {
  private readonly logger = new Logger(WaitlistOffers.name);

  constructor(
    private readonly freedSlots: FreedSlots,
    private readonly handler: FreedSlotHandler,
  ) {}

  async offerFreedSlot(freedBy: string, slot: FreedSlot, now: Date): Promise<void> {
    // A slot already begun is offered to nobody (e.g. a late redelivery, a replay).
    if (Date.parse(slot.start) <= now.getTime()) return;
    const freed = { _id: freedSlotKey(freedBy, slot), freedBy, slot };
    await this.freedSlots.record(freed, now);
    await this.handler.advance({ ...freed, rounds: 0, dueAt: now }, now);
  }

  /** For the cancel flow: an offer that fails is logged, never a failed cancellation. */
  async offerQuietly(freedBy: string, slot: FreedSlot, now: Date): Promise<void> {
    await this.offerFreedSlot(freedBy, slot, now).catch((error: unknown) =>
      this.logger.warn(`freed slot of ${freedBy} not offered: ${(error as Error).message}`),
    );
  }

  /**
   * An entry left holding an open offer: its slot goes on to the next patient now. If this
   * fails, or the slot's latest offer is not noted yet, the poller passes it on when the offer
   * would have expired.
   */
  async passOnQuietly(given: WaitlistOffer, leftEntryId: string, now: Date): Promise<void> {
    try {
      const freed = await this.freedSlots.withHeadOffer(given.offerId);
      if (freed) await this.handler.advance(freed, now, leftEntryId);
    } catch (error) {
      this.logger.warn(`offer ${given.offerId} not passed on: ${(error as Error).message}`);
    }
  }
}
