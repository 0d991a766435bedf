import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const incidentComponent = {
  type: 'string',
  enum: ['video', 'audio', 'join-links', 'waiting-room', 'dial-in', 'other'],
} as const satisfies JSONSchema;

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['incidentId', 'severity', 'component', 'summary', 'raisedAt', 'raisedBy'],
  properties: {
    incidentId: uuid,
    severity: { type: 'string', enum: ['sev1', 'sev2', 'sev3', 'sev4'] },
    component: incidentComponent,
    summary: {
      type: 'string',
      minLength: 1,
      maxLength: 280,
      description: 'Operational summary; must not name patients (no PHI).',
    },
    affectedSessionIds: { type: 'array', items: uuid },
    raisedAt: dateTime,
    raisedBy: actor,
  },
} as const satisfies JSONSchema;

export type PlatformIncidentRaisedV1 = EventData<typeof schema>;

const example: PlatformIncidentRaisedV1 = {
  incidentId: ids.incidentId,
  severity: 'sev2',
  component: 'video',
  summary: 'Media server us-east-2 dropping video streams',
  affectedSessionIds: [ids.sessionId],
  raisedAt: '2026-03-09T13:12:00Z',
  raisedBy: { kind: 'system', service: 'sessions' },
};

export const platformIncidentRaisedV1 = {
  type: 'thc.sessions.PlatformIncidentRaised.v1',
  stream: 'platformIncident',
  summary: 'A platform-wide problem affecting visits was raised (not tied to one session).',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
