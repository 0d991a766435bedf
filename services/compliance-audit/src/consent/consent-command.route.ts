import { applyDecorators } from '@nestjs/common';
import {
  invalidInputDoc,
  PathParamDoc,
  PhiRead,
  UseCaseRoute,
  UseCaseRouteDoc,
} from '@thc/service-runtime';
import { PATIENT_PARAM } from '../openapi/api-docs';
import { FhirConsent } from './fhir-consent';

/** What tells one command on a patient's consents from the others. */
export interface ConsentCommandDoc extends Pick<
  UseCaseRouteDoc,
  'path' | 'status' | 'summary' | 'description' | 'roles' | 'phi' | 'body'
> {
  /** Path ids besides `patientId`. */
  readonly params?: Readonly<Record<string, PathParamDoc>>;
  /** A further check of the input, besides its ids, body and purpose of use. */
  readonly invalid?: string;
  /** Its errors besides invalid input (400). */
  readonly errors: Partial<Record<403 | 404 | 409 | 422, string>>;
}

/**
 * A POST on a patient's consents, answered with the consent as a FHIR Consent: the answer is a
 * PHI read of that patient's consent, and every such route refuses the same malformed input.
 */
export function ConsentCommandRoute(doc: ConsentCommandDoc): MethodDecorator {
  const { params: more, invalid, errors, ...route } = doc;
  const params = { ...PATIENT_PARAM, ...more };
  return applyDecorators(
    PhiRead({
      resource: 'Consent',
      patients: (r) => [(r as FhirConsent).patient.reference.slice('Patient/'.length)],
      resourceId: (r) => (r as FhirConsent).id,
    }),
    UseCaseRoute({
      ...route,
      method: 'POST',
      answer: FhirConsent,
      errors: {
        400: invalidInputDoc({
          ids: Object.keys(params),
          body: doc.body !== undefined,
          purposeOfUse: true,
          also: invalid,
        }),
        ...errors,
      },
      params,
    }),
  );
}
