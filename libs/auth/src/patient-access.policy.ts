import { Principal } from './principal';

export type PatientAccessDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/**
 * Who may read or change one patient's records. A patient reaches only their own; a provider
 * only patients they have (or had) an appointment with; coordinators and admins run the
 * program and reach everyone; analysts never see patient-level data, and auditors read
 * patient data only through the audit reports, which are not patient-record routes.
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
    return { allowed: false, reason: 'provider has no appointment with this patient' };
  }
  return { allowed: false, reason: 'role may not read patient records' };
}
