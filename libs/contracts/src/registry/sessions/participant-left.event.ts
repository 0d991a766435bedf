import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, participantRole, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'participantId', 'role', 'leftAt', 'reason'],
  properties: {
    sessionId: uuid,
    participantId: uuid,
    role: participantRole,
    leftAt: dateTime,
    reason: { type: 'string', enum: ['left', 'disconnected', 'removed', 'session-ended'] },
  },
} as const satisfies JSONSchema;

export type ParticipantLeftV1 = EventData<typeof schema>;

const example: ParticipantLeftV1 = {
  sessionId: ids.sessionId,
  participantId: ids.patientId,
  role: 'patient',
  leftAt: '2026-03-09T13:09:12Z',
  reason: 'disconnected',
};

export const participantLeftV1 = {
  type: 'thc.sessions.ParticipantLeft.v1',
  stream: 'session',
  summary: 'A participant left the visit, or dropped out of it.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
