import type { JSONSchema } from 'json-schema-to-ts';

/** The certifications a telehealth credential rests on; CTC = Certified Telehealth Coordinator. */
export const certificationKind = {
  type: 'string',
  enum: ['hipaa', 'platform-use', 'ctc'],
} as const satisfies JSONSchema;

/** Staff roles that need a current telehealth credential to take part in visits. */
export const staffRole = {
  type: 'string',
  enum: ['provider', 'coordinator', 'support-specialist', 'interpreter'],
} as const satisfies JSONSchema;

/** A training module's code, stable across its versions. */
export const moduleCode = {
  type: 'string',
  pattern: '^[A-Z][A-Z0-9-]{1,31}$',
  description: 'e.g. HIPAA-PRIVACY-SECURITY',
} as const satisfies JSONSchema;

/** What a module teaches; the catalog has one module per topic or more. */
export const moduleTopic = {
  type: 'string',
  enum: ['platform-use', 'hipaa', 'telehealth-etiquette', 'troubleshooting', 'emergency-protocol'],
} as const satisfies JSONSchema;

/** Where the proof of a completion or certification is kept (an LMS record, a scan): a URI. */
export const evidenceRef = {
  type: 'string',
  pattern: '^[a-z][a-z0-9+.-]*:[^\\s]{1,500}$',
  maxLength: 512,
  description: 'URI of the evidence, e.g. lms://attempt/1234',
} as const satisfies JSONSchema;

/** Why a module was assigned. */
export const assignmentReason = {
  type: 'string',
  enum: ['role-requirement', 'manual', 'retraining', 'renewal'],
} as const satisfies JSONSchema;
