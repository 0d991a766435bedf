import { Inject, Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { Clock, CLOCK } from '@thc/service-runtime';
import { WaitlistOffers } from '../waitlist-offers';
import { CancelledSlotReader } from './cancelled-slot.reader';

/**
 * Offers every freed slot from the stored cancellation itself, read back from scheduling's
 * own topic: the outbox relays each stored AppointmentCancelled at least once, and the offset
 * is committed only after the offer, so a process that dies between the cancellation and its
 * offer (or during it) still gets the slot offered. The cancel request usually offered it
 * already; the derived ids turn this second try into nothing. The service's other events are
 * skipped, whatever they are.
 */
@Injectable()
export class OfferSlotWhenAppointmentCancelled extends RoutedConsumerHost {
  protected readonly groupId = 'scheduling.waitlist';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };

  protected readonly routes: EventRoutes = {
    'thc.scheduling.AppointmentCancelled.v1': async ({ data: { appointmentId } }) => {
      const slot = await this.cancelled.freedBy(appointmentId);
      if (slot) await this.offers.offerFreedSlot(appointmentId, slot, this.clock());
    },
  };

  constructor(
    private readonly cancelled: CancelledSlotReader,
    private readonly offers: WaitlistOffers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }
}
