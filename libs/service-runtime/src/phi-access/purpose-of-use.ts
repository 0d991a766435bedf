import { BadRequestException } from '@nestjs/common';
import { Principal } from '@thc/auth';

export const PURPOSES = [
  'treatment',
  'payment',
  'operations',
  'patient-request',
  'audit',
  'legal',
] as const;
export type PurposeOfUse = (typeof PURPOSES)[number];

/**
 * The HIPAA purpose of a read: stated by the caller in `X-Purpose-Of-Use`, else the usual
 * purpose of the caller's role (a provider treats, a patient requests their own data).
 */
export function purposeOfUse(header: string | undefined, principal: Principal): PurposeOfUse {
  if (header !== undefined) {
    if ((PURPOSES as readonly string[]).includes(header)) return header as PurposeOfUse;
    throw new BadRequestException(`X-Purpose-Of-Use must be one of: ${PURPOSES.join(', ')}`);
  }
  if (principal.roles.includes('provider')) return 'treatment';
  if (principal.roles.includes('patient')) return 'patient-request';
  if (principal.roles.includes('auditor')) return 'audit';
  return 'operations';
}
