import { Inject, Injectable } from '@nestjs/common';
import { AvailabilityService } from '../availability.port';
import { ClinicProvidersProjection } from '../infrastructure/clinic-providers.projection';
import { freeSlots } from '../domain/free-slots';
import type { ProviderSchedule } from '../domain/schedule-rules';
import type { SlotRange } from './slot-range';
import { SlotView, slotView } from './slot.view';
import { Clock, CLOCK } from '@thc/service-runtime';

/** Free slots of one provider, or of every provider with a schedule in a clinic. */
@Injectable()
export class SearchSlotsHandler {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly clinics: ClinicProvidersProjection,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  /**
   * Undefined when the provider has no schedule. `admit` sees the schedule before any booked
   * time is read, and may refuse the caller (by throwing): the clinic scope costs no read.
   */
  async forProvider(
    providerId: string,
    range: SlotRange,
    admit: (schedule: ProviderSchedule) => void = () => undefined,
  ): Promise<SlotView[] | undefined> {
    const schedule = await this.availability.schedule(providerId);
    if (!schedule) return undefined;
    admit(schedule);
    const booked = await this.availability.bookedAround(providerId, range.from, range.to);
    return freeSlots(schedule, { ...range, booked, now: this.now() }).map((slot) =>
      slotView(providerId, slot, range.timeZone),
    );
  }

  async forClinic(
    clinicId: string,
    range: SlotRange,
  ): Promise<{ providerIds: readonly string[]; slots: SlotView[] }> {
    const providerIds = await this.clinics.providersOf(clinicId);
    const perProvider = await Promise.all(providerIds.map((id) => this.forProvider(id, range)));
    const slots = perProvider
      .flatMap((found) => found ?? [])
      .sort((a, b) => a.start.localeCompare(b.start));
    return { providerIds, slots };
  }
}
