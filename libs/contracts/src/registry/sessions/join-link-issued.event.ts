import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, participantRole, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

// The signed link itself is a bearer credential: it never goes into an event, only its id.
const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'linkId', 'participantId', 'role', 'issuedAt', 'expiresAt'],
  properties: {
    sessionId: uuid,
    linkId: { ...uuid, description: 'Id (jti) of the signed link; the link is not in the event.' },
    participantId: uuid,
    role: participantRole,
    issuedAt: dateTime,
    expiresAt: dateTime,
  },
} as const satisfies JSONSchema;

export type JoinLinkIssuedV1 = EventData<typeof schema>;

const example: JoinLinkIssuedV1 = {
  sessionId: ids.sessionId,
  linkId: ids.linkId,
  participantId: ids.patientId,
  role: 'patient',
  issuedAt: '2026-03-02T14:12:06Z',
  expiresAt: '2026-03-09T14:00:00Z',
};

export const joinLinkIssuedV1 = {
  type: 'thc.sessions.JoinLinkIssued.v1',
  stream: 'session',
  summary: 'An expiring signed join link was issued to one participant.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
