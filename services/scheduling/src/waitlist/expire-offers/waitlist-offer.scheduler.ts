import { Clock, CLOCK, PeriodicRoundsHost } from '@thc/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { FreedSlotHandler } from '../freed-slot.handler';
import { FreedSlots } from '../freed-slots.projection';
import { WAITLIST_SETTINGS, WaitlistSettings } from '../waitlist.settings';

/**
 * Every instance, every SCHEDULING_WAITLIST_POLL_MS, moves on the freed slots that are due:
 * an offer that ran out unused is recorded as expired and the slot offered to the next
 * patient; a slot whose offering was cut short is offered. Exactly once across instances and
 * restarts without any lock: each step is an append with the version it was decided on and an
 * id derived from the slot and round (or the offer), so racing instances write the same ids
 * and the store keeps one (see FreedSlotHandler).
 */
@Injectable()
export class WaitlistOfferScheduler extends PeriodicRoundsHost {
  protected readonly roundName = 'waitlist';

  constructor(
    private readonly freedSlots: FreedSlots,
    private readonly handler: FreedSlotHandler,
    @Inject(WAITLIST_SETTINGS) private readonly settings: WaitlistSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  protected periodMs(): number {
    return this.settings.pollMs;
  }

  /** One pass over the due freed slots; answers how many were looked at. */
  protected async pass(): Promise<number> {
    const now = this.clock();
    const due = await this.freedSlots.due(now);
    for (const freed of due) {
      // One slot that fails (say, its entry's stream is unreadable) must not hold up the rest.
      await this.handler.advance(freed, now).catch((error: unknown) => {
        this.logger.warn(`freed slot ${freed._id} not moved on: ${(error as Error).message}`);
      });
    }
    return due.length;
  }
}
