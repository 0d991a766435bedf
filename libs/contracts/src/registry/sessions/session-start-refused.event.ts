import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'appointmentId', 'refusedAt', 'reason', 'attemptedBy'],
  properties: {
    sessionId: uuid,
    appointmentId: uuid,
    refusedAt: dateTime,
    reason: {
      type: 'string',
      enum: ['consent-missing', 'consent-revoked', 'consent-expired', 'session-closed'],
    },
    attemptedBy: actor,
  },
} as const satisfies JSONSchema;

export type SessionStartRefusedV1 = EventData<typeof schema>;

const example: SessionStartRefusedV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  refusedAt: '2026-03-09T13:00:20Z',
  reason: 'consent-missing',
  attemptedBy: { kind: 'user', userId: ids.providerId, role: 'provider' },
};

// Recorded, not just rejected over HTTP: a refused start is evidence the consent rule held.
export const sessionStartRefusedV1 = {
  type: 'thc.sessions.SessionStartRefused.v1',
  stream: 'session',
  summary: 'A start was refused, e.g. because the patient has no active telehealth consent.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
