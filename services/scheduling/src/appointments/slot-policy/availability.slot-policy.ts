import { Injectable } from '@nestjs/common';
import {
  AvailabilityService,
  Bookability,
  BookedInterval,
} from '../../availability/availability.port';
import { MAX_BUFFER_MINUTES } from '../appointments.settings';
import { SlotDecision, SlotPolicy, SlotRequest } from '../slot-policy.port';

const MAX_BUFFER_MS = MAX_BUFFER_MINUTES * 60_000;

/**
 * The provider's schedule decides (weekly hours, exceptions, slot length, notice, horizon,
 * daily maximum) and gives the buffers the ledger then holds. Overlaps are the ledger's to
 * decide: only it knows whether a claim in the way belongs to a booking that died (and is free
 * after the claim timeout), so a slot the schedule refuses only for an overlap is checked again
 * without the visits in the way and handed to the ledger. The provider's visits are therefore
 * read only for a schedule with a daily maximum, the one rule here that counts them.
 */
@Injectable()
export class AvailabilitySlotPolicy implements SlotPolicy {
  constructor(private readonly availability: AvailabilityService) {}

  async check(slot: SlotRequest, now: Date): Promise<SlotDecision> {
    const schedule = await this.availability.schedule(slot.providerId);
    if (!schedule)
      return { bookable: false, reason: 'outside-availability: the provider has no schedule' };
    const request = {
      start: new Date(slot.start),
      end: new Date(slot.end),
      visitType: slot.visitType,
    };
    if (!this.availability.limitsVisitsPerDay(schedule, request.start))
      return verdict(this.availability.isBookable(schedule, request, [], now));
    const booked = (
      await this.availability.bookedAround(slot.providerId, request.start, request.end)
    ).filter((visit) => visit.appointmentId !== slot.appointmentId);
    let decision = this.availability.isBookable(schedule, request, booked, now);
    if (!decision.bookable && decision.reason === 'overlaps-booked-time') {
      const near = (visit: BookedInterval) =>
        visit.start.getTime() < request.end.getTime() + MAX_BUFFER_MS &&
        request.start.getTime() - MAX_BUFFER_MS < visit.end.getTime();
      decision = this.availability.isBookable(
        schedule,
        request,
        booked.filter((visit) => !near(visit)),
        now,
      );
    }
    return verdict(decision);
  }
}

function verdict(decision: Bookability): SlotDecision {
  return decision.bookable
    ? decision
    : { bookable: false, reason: `${decision.reason}: ${decision.detail}` };
}
