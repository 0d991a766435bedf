import { ForbiddenException } from '@nestjs/common';
import { clinicFilterOf, Principal } from '@thc/auth';

/** What the API documentation says of a 403 on a route that acts on the whole organization. */
export const wholeOrganization403 = (roles: string): string =>
  `The token's role is not one of: ${roles}; or the token does not cover every clinic of the organization (\`clinics\` claim \`*\`): this acts on the whole organization's audit trail.`;

/**
 * The trail is one chain for the whole organization: verifying it, listing what it held back or
 * purging it shows or changes every clinic's entries, so only a caller who covers every clinic
 * may (a coordinator of one clinic cannot purge the organization's trail).
 */
export function ensureWholeOrganization(principal: Principal): void {
  if (clinicFilterOf(principal) !== undefined)
    throw new ForbiddenException(
      "this acts on the whole organization's audit trail: it needs a token that covers every clinic",
    );
}
