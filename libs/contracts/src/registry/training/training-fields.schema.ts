import type { JSONSchema } from 'json-schema-to-ts';

/** The certifications a telehealth credential rests on; CTC = Certified Telehealth Coordinator. */
export const certificationKind = {
  type: 'string',
  enum: ['hipaa', 'platform-use', 'ctc'],
} as const satisfies JSONSchema;

/** Staff roles that need a current telehealth credential to take part in visits. */
export const staffRole = {
  type: 'string',
  enum: ['provider', 'coordinator', 'interpreter'],
} as const satisfies JSONSchema;
