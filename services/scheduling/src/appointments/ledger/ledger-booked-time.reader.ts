import { Injectable } from '@nestjs/common';
import type { BookedInterval, BookedTimeReader } from '../../availability/availability.port';
import { BookingLedger } from './booking-ledger';
import { overlaps } from './ledger.decider';
import { ClaimedTime } from './ledger.events';
import { utcDaysTouched } from './ledger-days';

/**
 * Booked time from the provider-day ledger, the same streams bookings are decided on. Claims
 * still in flight count as booked: slot search may hide a slot for a moment, never offer a
 * taken one. Cancelled and moved visits have released their claims.
 */
@Injectable()
export class LedgerBookedTimeReader implements BookedTimeReader {
  constructor(private readonly ledger: BookingLedger) {}

  /** Visits overlapping [from, to), once each (a visit across midnight is in two days). */
  async heldClaims(providerId: string, fromUtc: Date, toUtc: Date): Promise<ClaimedTime[]> {
    const from = fromUtc.toISOString();
    const to = toUtc.toISOString();
    const claims = await this.ledger.claimsOn(
      { kind: 'provider', id: providerId },
      utcDaysTouched(from, to),
    );
    const unique = new Map<string, ClaimedTime>();
    for (const claim of claims) {
      if (overlaps(claim, { start: from, end: to }))
        unique.set(`${claim.appointmentId}/${claim.visitStart}`, claim);
    }
    return [...unique.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }

  /**
   * Availability's port: the visits themselves (it adds the schedule's buffers), from the
   * ledger day views, one lookup for all days (slot search's read model, see LedgerDayViews).
   */
  async bookedIntervals(providerId: string, fromUtc: Date, toUtc: Date): Promise<BookedInterval[]> {
    const from = fromUtc.toISOString();
    const to = toUtc.toISOString();
    const claims = await this.ledger.claimsViewed(
      { kind: 'provider', id: providerId },
      utcDaysTouched(from, to),
    );
    const unique = new Map<string, ClaimedTime>();
    for (const claim of claims) {
      if (overlaps(claim, { start: from, end: to }))
        unique.set(`${claim.appointmentId}/${claim.visitStart}`, claim);
    }
    return [...unique.values()].map((claim) => ({
      appointmentId: claim.appointmentId,
      start: new Date(claim.visitStart),
      end: new Date(claim.visitEnd),
    }));
  }
}
