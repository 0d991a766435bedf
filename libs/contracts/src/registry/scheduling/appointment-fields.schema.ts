import type { JSONSchema } from 'json-schema-to-ts';
import { encryptedField } from '../../schemas/encrypted-field.schema';
import { usState } from './directory/directory-fields.schema';

/*
 * Fields the appointment events share beyond the common ones: where the patient says they will
 * be (licensure follows the patient), and an interpreter asked for but not yet named.
 */

/**
 * The state the patient said they would be in during the visit. A US state alone is not one of
 * the HIPAA identifiers (only units smaller than a state are), so it travels in clear.
 */
export const patientLocation = {
  type: 'object',
  additionalProperties: false,
  required: ['state'],
  description:
    'Where the patient said they will be during the visit, as stated at booking: the provider must hold a licence active there through the visit. A US state alone is not a HIPAA identifier (only geographic units smaller than a state are).',
  properties: { state: usState },
} as const satisfies JSONSchema;

/**
 * An on-demand interpreter: nobody is held at booking; one who speaks the language is drawn
 * from the pool when the visit starts. The language is sealed: the language a patient needs
 * is PHI about them.
 */
export const interpreterRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['onDemand'],
  description:
    "An interpreter asked for on demand: no interpreter is held at booking and the participants list none; one who speaks the language is drawn from the pool at visit time. The language is PHI about the patient, so it travels sealed under the patient's key (absent when the service keeps no PHI keys; scheduling's own appointment view keeps it until the patient is erased).",
  properties: {
    onDemand: { const: true },
    language: {
      ...encryptedField,
      description: 'BCP 47 tag of the language, sealed under the patient key (PHI).',
    },
  },
} as const satisfies JSONSchema;
