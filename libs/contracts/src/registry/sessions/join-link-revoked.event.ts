import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'linkId', 'participantId', 'revokedAt', 'cause', 'revokedBy'],
  properties: {
    sessionId: uuid,
    linkId: uuid,
    participantId: uuid,
    revokedAt: dateTime,
    cause: {
      type: 'string',
      enum: [
        'revoked-by-staff',
        'reissued',
        'session-rescheduled',
        'session-closed',
        'provider-transferred',
      ],
    },
    revokedBy: actor,
  },
} as const satisfies JSONSchema;

export type JoinLinkRevokedV1 = EventData<typeof schema>;

const example: JoinLinkRevokedV1 = {
  sessionId: ids.sessionId,
  linkId: ids.linkId,
  participantId: ids.patientId,
  revokedAt: '2026-03-05T10:02:11Z',
  cause: 'revoked-by-staff',
  revokedBy: { kind: 'user', userId: ids.coordinatorId, role: 'coordinator' },
};

export const joinLinkRevokedV1 = {
  type: 'thc.sessions.JoinLinkRevoked.v1',
  stream: 'session',
  summary: 'A join link was revoked; it is refused from now on even before it expires.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
