import { Injectable } from '@nestjs/common';
import { AvailabilityService } from '../../availability/availability.port';
import { SlotDecision, SlotPolicy, SlotRequest } from './slot-policy.port';

/**
 * The provider's schedule decides (weekly hours, exceptions, slot length, notice, horizon,
 * daily maximum) and gives the buffers the ledger then holds. Its overlap check is only a
 * fast refusal; the ledger decides overlaps under concurrency.
 */
@Injectable()
export class AvailabilitySlotPolicy implements SlotPolicy {
  constructor(private readonly availability: AvailabilityService) {}

  async check(slot: SlotRequest, now: Date): Promise<SlotDecision> {
    const decision = await this.availability.check(
      slot,
      now,
      slot.appointmentId ? { appointmentId: slot.appointmentId } : undefined,
    );
    return decision.bookable
      ? decision
      : { bookable: false, reason: `${decision.reason}: ${decision.detail}` };
  }
}
