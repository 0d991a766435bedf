import type { VisitType } from './domain/appointment.events';

export interface SlotRequest {
  readonly providerId: string;
  readonly start: string;
  readonly end: string;
  readonly visitType: VisitType;
  /** The appointment being moved, whose own time does not count against it. */
  readonly appointmentId?: string;
}

/** What the provider's schedule says about a slot: bookable with these buffers, or why not. */
export type SlotDecision =
  | {
      readonly bookable: true;
      readonly bufferBeforeMinutes: number;
      readonly bufferAfterMinutes: number;
    }
  | { readonly bookable: false; readonly reason: string };

/**
 * The availability rules a booking must respect (weekly rules, exceptions, notice, horizon).
 * Availability implements it from its schedules (`isBookable`); overlap with other bookings is
 * not its job here: the booking ledger decides that under concurrency.
 */
export interface SlotPolicy {
  check(slot: SlotRequest, now: Date): Promise<SlotDecision>;
}

export const SLOT_POLICY = Symbol('SLOT_POLICY');
