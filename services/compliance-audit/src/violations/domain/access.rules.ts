import { isRole, purposeAllowed } from '@thc/auth';
import { DateTime } from 'luxon';
import { Finding } from './violation';

/** A PHI read as the trail recorded it. */
export interface PhiRead {
  readonly eventId: string;
  readonly actorId: string;
  readonly role: string;
  readonly patientId: string;
  readonly purpose: string;
  readonly at: string;
}

/** One booked visit that joins a staff member and a patient, as scheduling's events tell it. */
export interface CareVisit {
  readonly since: string;
  readonly end: string;
  /** When the visit was cancelled: a visit that never happened opens nothing after that. */
  readonly cancelledAt?: string;
}

export interface AccessPolicy {
  readonly careRoles: readonly string[];
  readonly careDaysAfterVisit: number;
  readonly workingHours: { readonly start: string; readonly end: string };
  readonly workingDays: readonly number[];
  readonly timeZone: string;
}

// Auditors and legal holds read records by duty, not by care; those reads are not flagged.
const DUTY_PURPOSES = new Set(['audit', 'legal']);

/**
 * A read by duty: an audit or legal purpose stated by a role that may state it. The purpose a
 * read claims is the reader's word, so it exempts a read only when the role fits it; a provider
 * who writes `legal` is still held to the care rules (and flagged for the mismatch).
 */
export function readByDuty(role: string, purpose: string): boolean {
  return DUTY_PURPOSES.has(purpose) && isRole(role) && purposeAllowed(role, purpose);
}

/**
 * Whether a recorded purpose fits the reader: a purpose the role may read for, and a patient's
 * own request only from the patient (this is asked of reads by anyone but the patient).
 */
function purposeFits(read: PhiRead): boolean {
  if (read.role === 'patient' || read.purpose === 'patient-request') return false;
  return isRole(read.role) && purposeAllowed(read.role, read.purpose);
}

/**
 * Whether the staff member cared for the patient at `at`: from a visit's booking to N days after
 * it, or, for a cancelled visit, only until it was cancelled (booking and cancelling a visit
 * must not buy months of access).
 */
export function withinCare(
  visits: readonly CareVisit[] | null | undefined,
  at: string,
  daysAfter: number,
): boolean {
  const t = Date.parse(at);
  return (visits ?? []).some((visit) => {
    const after = Date.parse(visit.end) + daysAfter * 86_400_000;
    const until = visit.cancelledAt ? Math.min(Date.parse(visit.cancelledAt), after) : after;
    return Date.parse(visit.since) <= t && t <= until;
  });
}

/** Whether `at` falls in the working hours and days, in the policy's time zone. */
export function withinWorkingHours(at: string, policy: AccessPolicy): boolean {
  const local = DateTime.fromISO(at, { zone: 'utc' }).setZone(policy.timeZone);
  if (!policy.workingDays.includes(local.weekday)) return false;
  const clock = local.toFormat('HH:mm');
  return policy.workingHours.start <= clock && clock < policy.workingHours.end;
}

/**
 * What a single PHI read breaks: a purpose that does not fit the reader, no care relationship,
 * outside working hours. Only the patient reading their own record is exempt, whatever role
 * the record names: a role is the reader's claim, the patient id is the record's.
 */
export function judgeAccess(
  read: PhiRead,
  care: readonly CareVisit[] | null | undefined,
  policy: AccessPolicy,
): Finding[] {
  if (read.actorId === read.patientId) return [];
  const findings: Finding[] = [];
  const base = {
    patientId: read.patientId,
    actorId: read.actorId,
    evidenceEventIds: [read.eventId] as [string],
  };
  if (!purposeFits(read))
    findings.push({ ...base, rule: 'access-purpose-mismatch', severity: 'high' });
  if (
    policy.careRoles.includes(read.role) &&
    !readByDuty(read.role, read.purpose) &&
    !withinCare(care, read.at, policy.careDaysAfterVisit)
  )
    findings.push({ ...base, rule: 'access-without-care-relationship', severity: 'high' });
  if (!withinWorkingHours(read.at, policy))
    findings.push({ ...base, rule: 'access-outside-working-hours', severity: 'medium' });
  return findings;
}

/** The tumbling window a read is counted in, as its start instant. */
export function burstWindow(at: string, windowSeconds: number): string {
  const size = windowSeconds * 1000;
  return new Date(Math.floor(Date.parse(at) / size) * size).toISOString();
}

/**
 * A burst: the reads one user made in one window reached the threshold. Found once per user
 * and window (the discriminator), naming the reads up to the threshold as evidence.
 */
export function judgeBurst(
  actorId: string,
  window: string,
  readIds: readonly string[],
  threshold: number,
): Finding | undefined {
  const [first, ...rest] = readIds.slice(0, threshold);
  if (!first || readIds.length < threshold) return undefined;
  return {
    rule: 'bulk-access',
    severity: 'high',
    actorId,
    evidenceEventIds: [first, ...rest],
    discriminator: `${actorId}|${window}`,
  };
}
