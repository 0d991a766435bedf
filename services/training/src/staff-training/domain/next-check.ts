import type { Certification, Enrolled } from './staff-training.state';

const DAY_MS = 86_400_000;

/**
 * When the clock next has something to decide for this staff member: an expiry, a warning
 * lead time not yet warned, or a due date of an open assignment. Undefined when nothing is
 * pending. A check earlier than needed decides nothing, so this may err early, never late.
 */
export function nextCheckAt(
  state: Enrolled,
  warningLeadDays: readonly number[],
): string | undefined {
  const instants: number[] = [];
  for (const c of state.certifications) {
    if (c.status !== 'active') continue;
    const expiry = Date.parse(c.expiresAt);
    instants.push(expiry);
    // A certification renewed by a longer-lasting one of its kind gets no warnings (see check).
    if (renewed(state, c)) continue;
    for (const lead of warningLeadDays)
      if (!c.warnedLeadDays.some((w) => w <= lead)) instants.push(expiry - lead * DAY_MS);
  }
  for (const a of state.assignments)
    if (a.status === 'open' && !a.overdue) instants.push(Date.parse(a.dueAt));
  return instants.length === 0 ? undefined : new Date(Math.min(...instants)).toISOString();
}

function renewed(state: Enrolled, certification: Certification): boolean {
  return state.certifications.some(
    (other) =>
      other.kind === certification.kind &&
      other.status === 'active' &&
      Date.parse(other.expiresAt) > Date.parse(certification.expiresAt),
  );
}
