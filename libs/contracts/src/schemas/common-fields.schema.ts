import type { JSONSchema } from 'json-schema-to-ts';

/*
 * Field schemas that many events share. They are inlined (not `$ref`ed) into every event
 * schema so that `FromSchema` can derive the TypeScript type and an outside consumer can read
 * one message's payload in docs/asyncapi.yaml without resolving references.
 */

/** Every platform id is a UUID. */
export const uuid = { type: 'string', format: 'uuid' } as const satisfies JSONSchema;

/** RFC 3339 date-time; the offset (`Z` or `±hh:mm`) is mandatory, so the instant is unambiguous. */
export const dateTime = {
  type: 'string',
  format: 'date-time',
  description: 'RFC 3339 / ISO-8601 date-time with an offset.',
} as const satisfies JSONSchema;

/** A calendar date (no time, no zone), as used for schedule exceptions. */
export const date = { type: 'string', format: 'date' } as const satisfies JSONSchema;

/** A wall-clock time of day `HH:mm`, interpreted in the accompanying IANA time zone. */
export const localTime = {
  type: 'string',
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'Wall-clock time HH:mm in the accompanying IANA time zone.',
} as const satisfies JSONSchema;

/** IANA tz database name; the offset of a wall-clock time follows from it, DST included. */
export const timeZone = {
  type: 'string',
  pattern: '^(UTC|[A-Za-z]+(/[A-Za-z0-9_+-]+){1,2})$',
  description: 'IANA time zone, e.g. America/New_York.',
} as const satisfies JSONSchema;

export const visitType = { type: 'string', enum: ['video', 'audio'] } as const satisfies JSONSchema;

/** Who takes part in a visit; each gets their own join link. */
export const participantRole = {
  type: 'string',
  enum: ['patient', 'provider', 'interpreter', 'caregiver'],
} as const satisfies JSONSchema;

export const participant = {
  type: 'object',
  additionalProperties: false,
  required: ['participantId', 'role'],
  properties: { participantId: uuid, role: participantRole },
} as const satisfies JSONSchema;

export const nonNegativeInteger = { type: 'integer', minimum: 0 } as const satisfies JSONSchema;

/** The producing services, as named in `ce_source` (`/thc/<service>`). */
export const serviceName = {
  type: 'string',
  enum: ['scheduling', 'sessions', 'training', 'compliance-audit', 'analytics', 'notifications'],
} as const satisfies JSONSchema;
