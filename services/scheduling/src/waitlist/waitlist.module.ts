import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { WaitlistOfferScheduler } from './expire-offers/waitlist-offer.scheduler';
import { FreedSlotHandler } from './freed-slot.handler';
import { FreedSlots } from './freed-slots.projection';
import { JoinWaitlistController } from './join-waitlist/join-waitlist.controller';
import { JoinWaitlistHandler } from './join-waitlist/join-waitlist.handler';
import { LeaveWaitlistController } from './leave-waitlist/leave-waitlist.controller';
import { LeaveWaitlistHandler } from './leave-waitlist/leave-waitlist.handler';
import { ReadWaitlistController } from './read-waitlist/read-waitlist.controller';
import { ReadWaitlistQuery } from './read-waitlist/read-waitlist.query';
import { SlotTakenCheck } from './slot-taken.check';
import { WaitlistCandidates } from './waitlist-candidates';
import { WaitlistOffers } from './waitlist-offers';
import { WaitlistRepository } from './waitlist.repository';
import { WAITLIST_SETTINGS, waitlistSettingsFromEnv } from './waitlist.settings';

const httpControllers = [JoinWaitlistController, ReadWaitlistController, LeaveWaitlistController];

const commandHandlers = [
  JoinWaitlistHandler,
  LeaveWaitlistHandler,
  WaitlistOffers,
  FreedSlotHandler,
  WaitlistCandidates,
  WaitlistOfferScheduler,
];

const queryHandlers = [ReadWaitlistQuery];

const infrastructure = [
  WaitlistRepository,
  FreedSlots,
  SlotTakenCheck,
  { provide: WAITLIST_SETTINGS, useFactory: () => waitlistSettingsFromEnv() },
];

/**
 * Patients waiting for an earlier slot. A freed slot is offered to the first one it suits
 * right after the cancellation (WaitlistRecoveryModule offers it again from the stored
 * cancellation); offers that run out go on to the next patient (WaitlistOfferScheduler). Needs
 * ClockModule and IdsModule beside it and a BOOKED_TIME_READER in the application (the
 * appointments part); exports the offers for the cancel flow.
 */
@Module({
  imports: [EventStoreModule, PhiAccessModule],
  controllers: httpControllers,
  providers: [...commandHandlers, ...queryHandlers, ...infrastructure],
  exports: [WaitlistOffers, WaitlistOfferScheduler],
})
export class WaitlistModule {}
