import { ApiHeader } from '@nestjs/swagger';
import { PURPOSES_BY_ROLE } from '@thc/auth';
import { PURPOSES } from './purpose-of-use';

// Written from the allow-list itself, so the document can not promise a purpose the API refuses.
const BY_ROLE = Object.entries(PURPOSES_BY_ROLE)
  .map(([role, purposes]) => `${role}: ${purposes.join(', ')}`)
  .join('; ');

/**
 * Documents the `X-Purpose-Of-Use` header of a route that discloses PHI: `@PhiRead` applies it,
 * and a route that records its disclosure itself applies it alone.
 */
export const ApiPurposeOfUse = (): MethodDecorator & ClassDecorator =>
  ApiHeader({
    // Lower case, as `@Headers()` names it, so the two document one parameter.
    name: 'x-purpose-of-use',
    required: false,
    enum: [...PURPOSES],
    example: 'treatment',
    description: `The HIPAA purpose of this read, recorded with it; default: the usual purpose of the caller's role (treatment for a provider, patient-request for a patient, audit for an auditor, operations otherwise). Each role may state only its own purposes (${BY_ROLE}). A purpose the caller's role may not use is refused with 403 before anything is read; any other value with 400.`,
  });
