import { ForbiddenException } from '@nestjs/common';
import { clinicScopeOf, coversClinic, isClinicScopedRole, Principal } from '@thc/auth';

/*
 * Who may record and read what in the directory. An admin records for their own organization
 * (and the organizations part of it) and within their clinics; staff read what lies in the
 * clinics they cover; a provider reads their own record and the clinics of their organization;
 * a patient reads only clinics (the place of their visit), never staff lists. Whether a token
 * reaches an organization is `OrganizationReach`'s to say, from the directory.
 */

export function isClinicScoped(principal: Principal): boolean {
  return principal.roles.some(isClinicScopedRole);
}

/** An admin records an organization only within their own, and only with every clinic of it. */
export function assertMayRecordOrganization(
  principal: Principal,
  organizationId: string,
  reached: boolean,
): void {
  assertReached(organizationId, reached);
  if (clinicScopeOf(principal) !== 'all')
    throw new ForbiddenException('recording an organization takes an admin of all its clinics');
}

export function assertMayRecordIn(
  principal: Principal,
  organizationId: string,
  reached: boolean,
  clinicIds: readonly string[],
): void {
  assertReached(organizationId, reached);
  const outside = clinicIds.filter((clinicId) => !coversClinic(principal, clinicId));
  if (outside.length > 0)
    throw new ForbiddenException(`clinic ${outside.join(', ')} is outside your clinics`);
}

function assertReached(organizationId: string, reached: boolean): void {
  if (!reached) throw new ForbiddenException(`organization ${organizationId} is not yours`);
}
