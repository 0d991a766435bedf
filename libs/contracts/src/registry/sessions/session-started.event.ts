import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'appointmentId', 'consentId', 'startedAt', 'startedBy'],
  properties: {
    sessionId: uuid,
    appointmentId: uuid,
    // Which consent allowed the start: the audit trail can prove none started without one.
    consentId: { ...uuid, description: "The patient's active telehealth consent." },
    startedAt: dateTime,
    startedBy: actor,
  },
} as const satisfies JSONSchema;

export type SessionStartedV1 = EventData<typeof schema>;

const example: SessionStartedV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  consentId: ids.consentId,
  startedAt: '2026-03-09T13:01:10Z',
  startedBy: { kind: 'user', userId: ids.providerId, role: 'provider' },
};

export const sessionStartedV1 = {
  type: 'thc.sessions.SessionStarted.v1',
  stream: 'session',
  summary: 'The provider started the visit, the patient holding an active telehealth consent.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
