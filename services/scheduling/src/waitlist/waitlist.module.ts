import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { WaitlistOfferScheduler } from './expire-offers/waitlist-offer.scheduler';
import { LeaveWaitlistController } from './leave-waitlist/leave-waitlist.controller';
import { LeaveWaitlistHandler } from './leave-waitlist/leave-waitlist.handler';
import { FreedSlotHandler } from './offer-freed-slot/freed-slot.handler';
import { FreedSlots } from './offer-freed-slot/freed-slots.store';
import { SlotTakenCheck } from './offer-freed-slot/slot-taken.check';
import { WaitlistCandidates } from './offer-freed-slot/waitlist-candidates';
import { WaitlistOffers } from './offer-freed-slot/waitlist-offers';
import { WaitlistController } from './waitlist.controller';
import { WaitlistRepository } from './waitlist.repository';
import { WAITLIST_SETTINGS, waitlistSettingsFromEnv } from './waitlist.settings';

const httpControllers = [WaitlistController, LeaveWaitlistController];

const commandHandlers = [
  LeaveWaitlistHandler,
  WaitlistOffers,
  FreedSlotHandler,
  WaitlistCandidates,
  WaitlistOfferScheduler,
];

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
 * SchedulingClockModule beside it and a BOOKED_TIME_READER in the application (the
 * appointments part); exports the offers for the cancel flow.
 */
@Module({
  imports: [EventStoreModule, PhiAccessModule],
  controllers: httpControllers,
  providers: [...commandHandlers, ...infrastructure],
  exports: [WaitlistOffers, WaitlistOfferScheduler],
})
export class WaitlistModule {}
