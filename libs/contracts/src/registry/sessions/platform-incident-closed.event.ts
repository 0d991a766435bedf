import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, nonNegativeInteger, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['incidentId', 'resolution', 'affectedSessionCount', 'closedAt', 'closedBy'],
  properties: {
    incidentId: uuid,
    resolution: { type: 'string', enum: ['fixed', 'mitigated', 'false-alarm'] },
    affectedSessionCount: nonNegativeInteger,
    closedAt: dateTime,
    closedBy: actor,
  },
} as const satisfies JSONSchema;

export type PlatformIncidentClosedV1 = EventData<typeof schema>;

const example: PlatformIncidentClosedV1 = {
  incidentId: ids.incidentId,
  resolution: 'fixed',
  affectedSessionCount: 14,
  closedAt: '2026-03-09T14:05:00Z',
  closedBy: { kind: 'user', userId: ids.coordinatorId, role: 'admin' },
};

export const platformIncidentClosedV1 = {
  type: 'thc.sessions.PlatformIncidentClosed.v1',
  stream: 'platformIncident',
  summary: 'A platform incident was closed, with how it ended and how many visits it touched.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
