import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { CancelledSlotReader } from './offer-freed-slot/cancelled-slot.reader';
import { OfferSlotWhenAppointmentCancelled } from './offer-freed-slot/offer-slot-when-appointment-cancelled.consumer';
import { WaitlistModule } from './waitlist.module';

const messageConsumers = [OfferSlotWhenAppointmentCancelled];

/**
 * Offers the slot of every stored cancellation, read back from scheduling's own topic, so a
 * process that dies between a cancellation and its offer loses no offer. A module of its own
 * because it needs what the whole service has and a part alone lacks: the outbox relay that
 * fills the topic, and the topic itself (a consumer cannot start on a missing one). AppModule
 * imports it; needs KafkaModule and ClockModule beside it.
 */
@Module({
  imports: [EventStoreModule, WaitlistModule],
  providers: [CancelledSlotReader, ...messageConsumers],
})
export class WaitlistRecoveryModule {}
