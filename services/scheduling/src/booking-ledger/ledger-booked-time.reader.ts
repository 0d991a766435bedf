import { Injectable } from '@nestjs/common';
import { BookingLedger } from './booking-ledger';
import type { LedgerOwner } from './ledger-owner';
import { overlaps } from './ledger.decider';
import { ClaimedTime } from './ledger.events';
import { utcDaysTouched } from './ledger-days';

/** A visit holding a provider's time, without the buffers around it. */
export interface BookedVisit {
  readonly appointmentId: string;
  readonly start: Date;
  readonly end: Date;
}

/** The visits holding a provider's time, as slot search and the waitlist read them. */
export interface BookedTimeReader {
  /** Visits of the provider that overlap [fromUtc, toUtc), cancelled ones left out. */
  bookedIntervals(providerId: string, fromUtc: Date, toUtc: Date): Promise<BookedVisit[]>;
}

/** Provided and exported by the booking ledger's module, as `LedgerBookedTimeReader`. */
export const BOOKED_TIME_READER = Symbol('BOOKED_TIME_READER');

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
    const claims = await this.overlapping(providerId, fromUtc, toUtc, (owner, days) =>
      this.ledger.claimsOn(owner, days),
    );
    return claims.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }

  /**
   * The visits themselves (slot search adds the schedule's buffers), from the ledger day
   * views, one lookup for all days (slot search's read model, see LedgerDayViews).
   */
  async bookedIntervals(providerId: string, fromUtc: Date, toUtc: Date): Promise<BookedVisit[]> {
    const claims = await this.overlapping(providerId, fromUtc, toUtc, (owner, days) =>
      this.ledger.claimsViewed(owner, days),
    );
    return claims.map((claim) => ({
      appointmentId: claim.appointmentId,
      start: new Date(claim.visitStart),
      end: new Date(claim.visitEnd),
    }));
  }

  /** The provider's claims overlapping [from, to), one per visit, read by `read`. */
  private async overlapping(
    providerId: string,
    fromUtc: Date,
    toUtc: Date,
    read: (owner: LedgerOwner, days: readonly string[]) => Promise<ClaimedTime[]>,
  ): Promise<ClaimedTime[]> {
    const range = { start: fromUtc.toISOString(), end: toUtc.toISOString() };
    const claims = await read(
      { kind: 'provider', id: providerId },
      utcDaysTouched(range.start, range.end),
    );
    const unique = new Map<string, ClaimedTime>();
    for (const claim of claims) {
      if (overlaps(claim, range)) unique.set(`${claim.appointmentId}/${claim.visitStart}`, claim);
    }
    return [...unique.values()];
  }
}
