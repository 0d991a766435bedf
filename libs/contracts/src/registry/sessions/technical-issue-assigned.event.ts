import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'issueId', 'coordinatorId', 'assignedAt', 'assignedBy'],
  properties: {
    sessionId: uuid,
    issueId: uuid,
    coordinatorId: uuid,
    assignedAt: dateTime,
    assignedBy: actor,
  },
} as const satisfies JSONSchema;

export type TechnicalIssueAssignedV1 = EventData<typeof schema>;

const example: TechnicalIssueAssignedV1 = {
  sessionId: ids.sessionId,
  issueId: ids.issueId,
  coordinatorId: ids.coordinatorId,
  assignedAt: '2026-03-09T13:09:45Z',
  assignedBy: { kind: 'user', userId: ids.coordinatorId, role: 'coordinator' },
};

export const technicalIssueAssignedV1 = {
  type: 'thc.sessions.TechnicalIssueAssigned.v1',
  stream: 'session',
  summary: 'A technical issue was assigned to a coordinator, who helps the participant.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
