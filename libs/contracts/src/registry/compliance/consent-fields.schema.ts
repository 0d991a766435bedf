import type { JSONSchema } from 'json-schema-to-ts';

/** What a consent covers; a session needs an active `telehealth` consent to start. */
export const consentScope = {
  type: 'string',
  enum: ['telehealth', 'recording', 'data-sharing'],
} as const satisfies JSONSchema;
