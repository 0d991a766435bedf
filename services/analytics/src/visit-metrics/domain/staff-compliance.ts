/** A staff member's telehealth credential as analytics keeps it (from training events). */
export interface StaffFacts {
  readonly _id: string;
  readonly role?: string;
  readonly firstSeenAt?: Date;
  readonly credentialedAt?: Date;
  readonly validUntil?: Date;
  readonly lapsedAt?: Date | null;
}

/** Staff known to training at `at`, and how many of them held a current credential then. */
export function complianceAt(
  staff: readonly StaffFacts[],
  at: Date,
): { staffKnown: number; staffCurrent: number } {
  let staffKnown = 0;
  let staffCurrent = 0;
  for (const member of staff) {
    if (!member.firstSeenAt || member.firstSeenAt > at) continue;
    staffKnown += 1;
    const { credentialedAt, validUntil, lapsedAt } = member;
    const lapsed = lapsedAt && lapsedAt <= at && (!credentialedAt || lapsedAt >= credentialedAt);
    if (credentialedAt && credentialedAt <= at && validUntil && validUntil > at && !lapsed)
      staffCurrent += 1;
  }
  return { staffKnown, staffCurrent };
}
