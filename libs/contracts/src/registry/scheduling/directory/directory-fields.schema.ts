import type { JSONSchema } from 'json-schema-to-ts';

/*
 * The directory describes the organization, its places and its staff: public facts a health
 * system prints on its website and in provider directories. It holds no patient.
 */

/** A US state or territory by its USPS code: where a clinic is, where a licence is valid. */
export const usState = {
  type: 'string',
  pattern: '^[A-Z]{2}$',
  description: 'USPS state or territory code, e.g. NY.',
} as const satisfies JSONSchema;

/** A person's or place's name as people read it. */
export const displayText = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** BCP 47 language tag: what an interpreter or a provider speaks. */
export const languageTag = {
  type: 'string',
  pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$',
  description: 'BCP 47 language tag, e.g. es or zh-Hant.',
} as const satisfies JSONSchema;

/** A staff member's name, in FHIR HumanName's parts. */
export const humanName = {
  type: 'object',
  additionalProperties: false,
  required: ['family', 'given'],
  properties: {
    family: displayText,
    given: { type: 'array', minItems: 1, maxItems: 4, items: displayText },
    prefix: { type: 'array', maxItems: 2, items: displayText },
    suffix: { type: 'array', maxItems: 3, items: displayText },
  },
} as const satisfies JSONSchema;

/** A clinic's street address. */
export const postalAddress = {
  type: 'object',
  additionalProperties: false,
  required: ['lines', 'city', 'state', 'postalCode'],
  properties: {
    lines: { type: 'array', minItems: 1, maxItems: 3, items: displayText },
    city: displayText,
    state: usState,
    postalCode: { type: 'string', pattern: '^[0-9]{5}(-[0-9]{4})?$' },
  },
} as const satisfies JSONSchema;

/** What a staff member does, as the directory lists it (interpreters sign in with no role). */
export const staffFunction = {
  type: 'string',
  enum: ['provider', 'interpreter', 'coordinator', 'trainer', 'auditor', 'analyst', 'admin'],
} as const satisfies JSONSchema;

/** A licence to practise in one state, until it expires (the end of `expiresOn`, UTC). */
export const stateLicence = {
  type: 'object',
  additionalProperties: false,
  required: ['state', 'number', 'expiresOn'],
  properties: {
    state: usState,
    number: { type: 'string', minLength: 1, maxLength: 40 },
    expiresOn: { type: 'string', format: 'date' },
  },
} as const satisfies JSONSchema;
