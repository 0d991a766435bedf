import { coversAnyClinic } from './clinic-scope';
import { Principal } from './principal';

export type PatientAccessDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/** One visit that joins a provider to a patient, as the service holding it knows it. */
export interface CareVisit {
  /** When the visit ends (or ended). */
  readonly end: string;
  /** When it was cancelled: a visit that never happened opens nothing after that. */
  readonly cancelledAt?: string;
}

const DAY_MS = 86_400_000;

/**
 * Whether a provider's visits with a patient still open the patient's records at `at`: each
 * visit from its booking until `daysAfterVisit` days after its end (a visit still ahead keeps
 * them open), and a cancelled one only until it was cancelled, so booking and cancelling a
 * visit buys no months of access. Care ends; access that followed it forever would outlive
 * every reason for it. The one rule every list and single-record read of a provider applies.
 */
export function careIsCurrent(
  visits: readonly CareVisit[],
  at: Date,
  daysAfterVisit: number,
): boolean {
  const t = at.getTime();
  return visits.some((visit) => {
    const after = Date.parse(visit.end) + daysAfterVisit * DAY_MS;
    const until =
      visit.cancelledAt === undefined ? after : Math.min(Date.parse(visit.cancelledAt), after);
    // A date that does not parse gives NaN, and so no care.
    return t <= until;
  });
}

/**
 * Who may read or change one patient's records. A patient reaches only their own; a provider
 * only patients in a current care relationship (`careIsCurrent`: a visit with them, until the
 * care window after it closes); coordinators and admins run the program for the clinics they
 * cover, and reach a patient through a visit in one of them (`patientClinicIds`: the clinics
 * the record, or the patient's visits, belong to); analysts never see patient-level data, and
 * auditors read patient data only through the audit reports, which are not patient-record
 * routes. A role opens another patient's record only by what it is for, never because the
 * caller also holds the patient role.
 */
export function decidePatientAccess(
  principal: Principal,
  patientId: string,
  careRelationship: boolean,
  patientClinicIds: readonly string[] = [],
): PatientAccessDecision {
  const staff = principal.roles.includes('admin') || principal.roles.includes('coordinator');
  if (staff && coversAnyClinic(principal, patientClinicIds)) return { allowed: true };
  if (principal.roles.includes('patient') && principal.subject === patientId)
    return { allowed: true };
  if (principal.roles.includes('provider') && careRelationship) return { allowed: true };
  if (staff) return { allowed: false, reason: 'the patient has no visit in a clinic you cover' };
  if (principal.roles.includes('patient'))
    return { allowed: false, reason: 'patients can reach only their own records' };
  if (principal.roles.includes('provider')) {
    return {
      allowed: false,
      reason: 'provider has no appointment with this patient within the care window',
    };
  }
  return { allowed: false, reason: 'role may not read patient records' };
}

/**
 * Whether the caller's reach to this patient rests on a provider's care alone (not on being
 * the patient, nor on staff scope), so that the care window decides.
 */
export function reachesPatientThroughCare(principal: Principal, patientId: string): boolean {
  if (principal.roles.includes('admin') || principal.roles.includes('coordinator')) return false;
  if (principal.roles.includes('patient') && principal.subject === patientId) return false;
  return principal.roles.includes('provider');
}
