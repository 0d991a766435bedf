import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { decidePurposeOfUse, Principal, PurposeOfUse, Role } from '@thc/auth';

// The purposes are the auth library's, beside which role may state which; re-exported so the
// routes and documents that name them keep one import.
export { PURPOSES, type PurposeOfUse } from '@thc/auth';

/**
 * The HIPAA purpose of a read: stated by the caller in `X-Purpose-Of-Use`, else the usual
 * purpose of the caller's role (a provider treats, a patient requests their own data). A value
 * that is no purpose is a 400; a purpose none of the caller's roles admitted by the route
 * (`admitted`) may read for is a 403, so that no role exempts itself from the care rules.
 */
export function purposeOfUse(
  header: string | undefined,
  principal: Principal,
  admitted?: readonly Role[],
): PurposeOfUse {
  const decision = decidePurposeOfUse(header, principal, admitted);
  if (decision.allowed) return decision.purpose;
  if (decision.status === 400) throw new BadRequestException(decision.reason);
  throw new ForbiddenException(decision.reason);
}
