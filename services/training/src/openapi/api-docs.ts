import type { PathParamDoc } from '@thc/service-runtime';

/**
 * The ids the API documentation uses in its examples: one provider of one team taking one
 * module, so that the examples of every operation tell the same story. Any version 4 UUID is
 * accepted.
 */
export const EXAMPLE_ID = {
  staffId: '3f6c1e2a-8b4d-4c7e-9f1a-2d5b7c9e0a14',
  moduleId: 'b7e2d4c1-5a3f-4e8b-a6d9-1c0f2e4b6a83',
  teamId: '0c9a7e5b-2f1d-4b3c-8e6a-4d2f0b8c6e19',
  certificationId: 'e4a1c9d7-6b2f-4a8e-b3c5-7f9d1e0a2b64',
} as const;

/** A UUID path parameter: what it names and an example. */
export function uuidParamDoc(id: keyof typeof EXAMPLE_ID, names: string): PathParamDoc {
  return { example: EXAMPLE_ID[id], format: 'uuid', description: names };
}

/** The path parameter of one staff member's training record. */
export const STAFF_PARAM = {
  staffId: uuidParamDoc('staffId', 'The staff member (the `sub` of their token)'),
};

/** What a training record returns: staff data, never a patient's. */
export const STAFF_RECORD_PHI = "none: the staff member's training record";

/** The 409 of a staff command when other commands kept changing the record, as one clause. */
export const RECORD_CHANGED = 'or concurrent changes to the record outran the retries (try again)';

/** The 403 of a command on one staff member's record. */
export const STAFF_SCOPE_403 =
  "The token's role is not one of: trainer, admin; or the staff member works in no clinic the caller covers (their clinics in the directory; a staff member the directory does not list is reached only with a token that covers every clinic).";
