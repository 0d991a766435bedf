import type { Principal } from './principal';
import type { Role } from './roles';

/**
 * The clinics a staff member acts in, as their token asserts it: a list of clinic ids, or
 * `all` for every clinic of the deployment's organization (an organization's admins, or a
 * coordinator of a one-clinic practice). The identity provider maps it from the directory's
 * coverage into the `clinics` claim; `"*"` in the claim is `all`.
 */
export type ClinicScope = 'all' | readonly string[];

/**
 * Roles whose reach is bounded by clinic. Patients reach their own records and providers their
 * patients in care, wherever the visit is booked; everyone else acts for a clinic.
 */
export const CLINIC_SCOPED_ROLES = [
  'coordinator',
  'trainer',
  'auditor',
  'analyst',
  'admin',
] as const satisfies readonly Role[];

export type ClinicScopedRole = (typeof CLINIC_SCOPED_ROLES)[number];

export function isClinicScopedRole(role: Role): role is ClinicScopedRole {
  return (CLINIC_SCOPED_ROLES as readonly Role[]).includes(role);
}

/** A token without the claim covers no clinic: scope is granted, never assumed. */
export function clinicScopeOf(principal: Principal): ClinicScope {
  return principal.clinics ?? [];
}

/** Whether the caller acts in this clinic. */
export function coversClinic(principal: Principal, clinicId: string): boolean {
  const scope = clinicScopeOf(principal);
  return scope === 'all' || scope.includes(clinicId);
}

/** Whether the caller acts in any of these clinics (a patient's, a staff member's). */
export function coversAnyClinic(principal: Principal, clinicIds: readonly string[]): boolean {
  const scope = clinicScopeOf(principal);
  return scope === 'all' || clinicIds.some((id) => scope.includes(id));
}

/**
 * The clinic ids a list query must be bounded to, or `undefined` when the caller covers every
 * clinic. An empty array means the caller covers none, and the list is empty.
 */
export function clinicFilterOf(principal: Principal): readonly string[] | undefined {
  const scope = clinicScopeOf(principal);
  return scope === 'all' ? undefined : scope;
}

/** Keeps the rows of clinics the caller covers; for lists read before they can be filtered. */
export function withinClinicScope<T>(
  principal: Principal,
  rows: readonly T[],
  clinicOf: (row: T) => string | undefined,
): T[] {
  return rows.filter((row) => {
    const clinicId = clinicOf(row);
    return clinicId !== undefined && coversClinic(principal, clinicId);
  });
}
