import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, participantRole, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'participantId', 'role', 'joinedAt', 'media', 'connection'],
  properties: {
    sessionId: uuid,
    participantId: uuid,
    role: participantRole,
    joinedAt: dateTime,
    media: { type: 'string', enum: ['video', 'audio'] },
    connection: {
      type: 'string',
      enum: ['browser', 'app', 'dial-in'],
      description: 'dial-in is a phone bridge, for participants without a data connection.',
    },
  },
} as const satisfies JSONSchema;

export type ParticipantJoinedV1 = EventData<typeof schema>;

const example: ParticipantJoinedV1 = {
  sessionId: ids.sessionId,
  participantId: ids.interpreterId,
  role: 'interpreter',
  joinedAt: '2026-03-09T13:01:40Z',
  media: 'audio',
  connection: 'dial-in',
};

export const participantJoinedV1 = {
  type: 'thc.sessions.ParticipantJoined.v1',
  stream: 'session',
  summary: 'A participant joined the visit (rejoins after a drop are joins too).',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
