import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'appointmentId', 'outcome', 'endedAt', 'endedBy'],
  properties: {
    sessionId: uuid,
    appointmentId: uuid,
    outcome: {
      type: 'string',
      enum: [
        'completed',
        'patient-no-show',
        'provider-no-show',
        'ended-technical-failure',
        'cancelled',
      ],
    },
    startedAt: { ...dateTime, description: 'Absent when the visit never started.' },
    endedAt: dateTime,
    endedBy: actor,
  },
} as const satisfies JSONSchema;

export type SessionEndedV1 = EventData<typeof schema>;

const example: SessionEndedV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  outcome: 'completed',
  startedAt: '2026-03-09T13:01:10Z',
  endedAt: '2026-03-09T13:24:45Z',
  endedBy: { kind: 'user', userId: ids.providerId, role: 'provider' },
};

export const sessionEndedV1 = {
  type: 'thc.sessions.SessionEnded.v1',
  stream: 'session',
  summary:
    'The visit is over, with its outcome; scheduling records the appointment completed or a no-show.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
