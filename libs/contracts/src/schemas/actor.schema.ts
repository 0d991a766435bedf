import type { JSONSchema } from 'json-schema-to-ts';
import { serviceName, uuid } from './common-fields.schema';

/**
 * Roles a signed-in user can act in. Mirrors `ROLES` of @thc/auth (a unit test keeps them
 * equal); contracts declares its own copy because the wire format must not change when the
 * auth library does.
 */
export const userRole = {
  type: 'string',
  enum: ['patient', 'provider', 'coordinator', 'trainer', 'auditor', 'analyst', 'admin'],
} as const satisfies JSONSchema;

/**
 * Who caused an event: a signed-in user (by id, never by name) or one of the services reacting
 * to another event. A union, so "a system actor with a user id" cannot be written.
 */
export const actor = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'userId', 'role'],
      properties: { kind: { const: 'user' }, userId: uuid, role: userRole },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'service'],
      properties: { kind: { const: 'system' }, service: serviceName },
    },
  ],
} as const satisfies JSONSchema;
