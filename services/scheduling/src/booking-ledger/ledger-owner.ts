/**
 * Whose time a claim holds. A provider and an interpreter are both staff whose time is booked:
 * their claims share one ledger per staff member and day (the `provider-day` streams), so a
 * person is never held twice at once, whichever role each visit gives them, and slot search
 * sees every visit they are in.
 */
export type LedgerOwner = {
  readonly kind: 'provider' | 'interpreter' | 'patient';
  readonly id: string;
};
