import { ForbiddenException } from '@nestjs/common';
import { clinicScopeOf, coversClinic, isClinicScopedRole, Principal } from '@thc/auth';

/*
 * Who may record and read what in the directory. An admin records for their own organization
 * and within their clinics; staff read what lies in the clinics they cover; a provider reads
 * their own record and the clinics of their organization; a patient reads only clinics (the
 * place of their visit), never staff lists.
 */

/** A token issued for an organization reaches only that organization's records. */
export function inOrganizationOf(principal: Principal, organizationId: string): boolean {
  return principal.organizationId === undefined || principal.organizationId === organizationId;
}

export function isClinicScoped(principal: Principal): boolean {
  return principal.roles.some(isClinicScopedRole);
}

/** An admin records an organization only for their own, and only with every clinic of it. */
export function assertMayRecordOrganization(principal: Principal, organizationId: string): void {
  assertOwnOrganization(principal, organizationId);
  if (clinicScopeOf(principal) !== 'all')
    throw new ForbiddenException('recording an organization takes an admin of all its clinics');
}

export function assertMayRecordIn(
  principal: Principal,
  organizationId: string,
  clinicIds: readonly string[],
): void {
  assertOwnOrganization(principal, organizationId);
  const outside = clinicIds.filter((clinicId) => !coversClinic(principal, clinicId));
  if (outside.length > 0)
    throw new ForbiddenException(`clinic ${outside.join(', ')} is outside your clinics`);
}

function assertOwnOrganization(principal: Principal, organizationId: string): void {
  if (!inOrganizationOf(principal, organizationId))
    throw new ForbiddenException(`organization ${organizationId} is not yours`);
}
