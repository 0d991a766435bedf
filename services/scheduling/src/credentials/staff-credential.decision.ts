/** What scheduling knows of a staff member's telehealth credential (from training events). */
export type StaffCredential =
  | { readonly status: 'current'; readonly validUntil: string; readonly asOf: string }
  | { readonly status: 'lapsed'; readonly cause: string; readonly asOf: string };

export type CredentialDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/**
 * May this provider (or interpreter) be booked for a visit ending at `visitEnd`? Pure: the credential comes
 * from the read model, `now` from the caller's clock. A credential that runs out before the
 * visit ends is refused too: the visit could not take place credentialed.
 */
export function decideCredential(
  credential: StaffCredential | undefined,
  now: Date,
  visitEnd: string,
  role: 'provider' | 'interpreter' = 'provider',
): CredentialDecision {
  if (!credential)
    return { allowed: false, reason: `the ${role} has no telehealth credential on record` };
  if (credential.status === 'lapsed')
    return {
      allowed: false,
      reason: `the ${role}'s telehealth credential has lapsed (${credential.cause})`,
    };
  const until = Date.parse(credential.validUntil);
  if (until <= now.getTime())
    return { allowed: false, reason: `the ${role}'s telehealth credential has expired` };
  if (until < Date.parse(visitEnd))
    return {
      allowed: false,
      reason: `the ${role}'s telehealth credential expires before the visit ends`,
    };
  return { allowed: true };
}
