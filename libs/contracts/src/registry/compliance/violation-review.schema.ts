import type { JSONSchema } from 'json-schema-to-ts';

/**
 * The officer's note on a violation, by reference: the text is free and may name a patient, so
 * it stays in the compliance-audit database; the event (and so the audit trail) carries its id
 * and SHA-256, which bind the stored text so that a later edit shows.
 */
export const reviewNoteId = {
  type: 'string',
  format: 'uuid',
  description: 'Id of the note kept by compliance-audit (the text never travels in events).',
} as const satisfies JSONSchema;

export const reviewNoteSha256 = {
  type: 'string',
  pattern: '^[0-9a-f]{64}$',
  description: 'SHA-256 (hex) of the note text as stored, UTF-8.',
} as const satisfies JSONSchema;
