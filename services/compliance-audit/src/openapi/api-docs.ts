import type { PathParamDoc } from '@thc/service-runtime';

/**
 * The ids the API documentation uses in its examples: one patient, their consent, a violation
 * that concerns them and the staff member who read their record, so that the examples of every
 * operation tell the same story. Any UUID is accepted.
 */
export const EXAMPLE_ID = {
  patientId: '5b8e2f1c-7a4d-4e9b-8c3f-1d6a9e2b4c70',
  consentId: 'a2c4e6f8-1b3d-4f5a-9c7e-0d2b4f6a8c19',
  violationId: 'd9f1b3e5-4c6a-4b8d-a0e2-6f8a1c3e5b27',
  staffId: '7c3a9e1f-2d5b-4a8c-b6e4-9f1d3b5a7e02',
} as const;

/** A UUID path parameter: what it names and an example. */
export function uuidParam(id: keyof typeof EXAMPLE_ID, names: string): PathParamDoc {
  return { example: EXAMPLE_ID[id], format: 'uuid', description: names };
}

export const PATIENT_PARAM = {
  patientId: uuidParam('patientId', 'The patient (the `sub` of their token)'),
};

/** The PHI of a consent as the consent API returns it (a FHIR Consent). */
export const CONSENT_PHI =
  'patient id, scope, method, form version, period, and who captured, witnessed and revoked it';

/** The PHI of a violation alert. */
export const VIOLATION_PHI =
  "the patient it concerns (id), the staff member's id, the event ids of the evidence, and the officers' notes";

/** The PHI of an audit report. */
export const REPORT_PHI =
  'audit entries naming patients: patient ids, the ids and roles of the staff who read, the resource read, the purpose, the service and the time';
