import type { LedgerOwner } from './ledger-owner';
import type { ClaimedTime } from './ledger.events';

/**
 * Whether an old claim is still held by its appointment: the appointments part knows, the
 * ledger only asks when a stale claim stands in a booking's way. Provided by the appointments
 * part as `{ provide: CLAIM_HOLDERS, useExisting: ... }`.
 */
export interface ClaimHolders {
  /**
   * True when the claim's appointment holds that time for that owner: booked (or later, not
   * cancelled) at the claim's start and end, with the owner as its patient, provider or
   * interpreter. False for an appointment never booked, moved, cancelled or held by others.
   */
  holdsTime(claim: ClaimedTime, owner: LedgerOwner): Promise<boolean>;
}

export const CLAIM_HOLDERS = Symbol('CLAIM_HOLDERS');
