import { Principal } from './principal';

export type PatientAccessDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/** A provider's care relationship with a patient as a service knows it: their last visit's end. */
export interface CareRelationship {
  readonly lastVisitEnd: string;
}

/**
 * Whether a care relationship still opens the patient's records at `at`: until `daysAfterVisit`
 * days after the end of the last visit (a visit still ahead keeps it open). Care ends; access
 * that followed it forever would outlive every reason for it.
 */
export function careIsCurrent(
  care: CareRelationship | null | undefined,
  at: Date,
  daysAfterVisit: number,
): boolean {
  if (!care) return false;
  const end = Date.parse(care.lastVisitEnd);
  return !Number.isNaN(end) && at.getTime() <= end + daysAfterVisit * 86_400_000;
}

/**
 * Who may read or change one patient's records. A patient reaches only their own; a provider
 * only patients in a current care relationship (`careIsCurrent`: a visit with them, until the
 * care window after it closes); coordinators and admins run the program and reach everyone;
 * analysts never see patient-level data, and auditors read patient data only through the audit
 * reports, which are not patient-record routes. A role opens another patient's record only by
 * what it is for, never because the caller also holds the patient role.
 */
export function decidePatientAccess(
  principal: Principal,
  patientId: string,
  careRelationship: boolean,
): PatientAccessDecision {
  if (principal.roles.includes('admin') || principal.roles.includes('coordinator'))
    return { allowed: true };
  if (principal.roles.includes('patient') && principal.subject === patientId)
    return { allowed: true };
  if (principal.roles.includes('provider') && careRelationship) return { allowed: true };
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
