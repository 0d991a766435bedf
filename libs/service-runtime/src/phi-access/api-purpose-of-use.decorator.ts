import { ApiHeader } from '@nestjs/swagger';
import { PURPOSES } from './purpose-of-use';

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
    description:
      "The HIPAA purpose of this read, recorded with it; default: the usual purpose of the caller's role (treatment for a provider, patient-request for a patient, audit for an auditor, operations otherwise). Any other value is refused with 400.",
  });
