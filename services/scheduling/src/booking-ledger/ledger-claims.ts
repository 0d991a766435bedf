import type { LedgerOwner } from './ledger-owner';

/** One owner's time to hold for one appointment. */
export interface Claim {
  readonly owner: LedgerOwner;
  readonly time: TimeRequest;
}

/**
 * Any one of several owners (an interpreter from a pool), tried in the given order until one
 * claim holds; `none` is the error when none of them is free.
 */
export interface OneOf {
  readonly oneOf: readonly Claim[];
  readonly none: () => Error;
}

/** The time one appointment asks to hold in one owner's ledger. */
export interface TimeRequest {
  readonly appointmentId: string;
  readonly visitStart: string;
  readonly visitEnd: string;
  readonly bufferBeforeMinutes: number;
  readonly bufferAfterMinutes: number;
  /**
   * Held from this instant instead of the visit's start less the buffer: an interpreter drawn
   * during the visit joins for the rest of it. The claim is still the visit's (its start and
   * end), so cancel, move and the abandoned-claim check find it as they find any other.
   */
  readonly heldFrom?: string;
}

/** The owner's time overlaps another appointment's (HTTP 409). */
export class TimeUnavailableError extends Error {
  override readonly name = 'TimeUnavailableError';
  constructor(readonly owner: LedgerOwner['kind']) {
    super(
      owner === 'patient'
        ? 'the patient already has an appointment overlapping this visit'
        : `the ${owner}'s time is already booked for part of this visit`,
    );
  }
}

/** Another writer kept changing the same day; nothing was claimed (HTTP 409, retryable). */
export class LedgerContentionError extends Error {
  override readonly name = 'LedgerContentionError';
  constructor() {
    super('the schedule changed while booking; try again');
  }
}
