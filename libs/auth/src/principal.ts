import type { ClinicScope } from './clinic-scope';
import { Role } from './roles';

/** The authenticated caller of a request, as verified from its bearer token. */
export interface Principal {
  /** Token subject: a patient's id for patients, a staff member's id for staff. */
  readonly subject: string;
  readonly roles: readonly Role[];
  /** Token id (jti), when the issuer sets one; logged instead of the token itself. */
  readonly tokenId?: string;
  /** The organization the token was issued for (`org` claim). */
  readonly organizationId?: string;
  /** The clinics a staff member acts in (`clinics` claim); absent covers none. */
  readonly clinics?: ClinicScope;
}

export function hasAnyRole(principal: Principal, allowed: readonly Role[]): boolean {
  return principal.roles.some((role) => allowed.includes(role));
}
