import { Inject, Injectable } from '@nestjs/common';
import { AppointmentCancelledV1, TOPICS, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { CancelledSlotReader } from './cancelled-slot.reader';
import { WaitlistOffers } from './waitlist-offers';
import { Clock, CLOCK } from '@thc/service-runtime';

const CANCELLED = 'thc.scheduling.AppointmentCancelled.v1';

/**
 * Offers every freed slot from the stored cancellation itself, read back from scheduling's
 * own topic: the outbox relays each stored AppointmentCancelled at least once, and the offset
 * is committed only after the offer, so a process that dies between the cancellation and its
 * offer (or during it) still gets the slot offered. The cancel request usually offered it
 * already; the derived ids turn this second try into nothing.
 */
@Injectable()
export class OfferSlotWhenAppointmentCancelled extends EventConsumerHost {
  protected readonly groupId = 'scheduling.waitlist';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(
    private readonly cancelled: CancelledSlotReader,
    private readonly offers: WaitlistOffers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  // Only the cancellation is checked: the service's other events are skipped, whatever they are.
  protected override readonly validate = (event: ConsumedEvent): string | undefined =>
    event.type === CANCELLED ? validateEvent(event.type, event.data) : undefined;

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    if (event.type !== CANCELLED) return;
    const { appointmentId } = event.data as AppointmentCancelledV1;
    const slot = await this.cancelled.freedBy(appointmentId);
    if (slot) await this.offers.offerFreedSlot(appointmentId, slot, this.clock());
  };
}
