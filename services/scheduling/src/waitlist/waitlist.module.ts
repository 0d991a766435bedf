import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { WaitlistOffers } from './offer-freed-slot/waitlist-offers';
import { WaitlistController } from './waitlist.controller';
import { WaitlistRepository } from './waitlist.repository';
import { WAITLIST_OFFER_MINUTES, waitlistOfferMinutesFromEnv } from './waitlist.settings';

/**
 * Patients waiting for an earlier slot; a cancellation offers the freed slot to the first one
 * it suits. Needs SchedulingClockModule beside it; exports the offers for the cancel flow.
 */
@Module({
  imports: [EventStoreModule, PhiAccessModule],
  controllers: [WaitlistController],
  providers: [
    WaitlistRepository,
    WaitlistOffers,
    { provide: WAITLIST_OFFER_MINUTES, useFactory: () => waitlistOfferMinutesFromEnv() },
  ],
  exports: [WaitlistOffers],
})
export class WaitlistModule {}
