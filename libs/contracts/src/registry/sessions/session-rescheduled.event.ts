import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'sessionId',
    'appointmentId',
    'providerId',
    'previousStart',
    'scheduledStart',
    'scheduledEnd',
    'rescheduledAt',
  ],
  properties: {
    sessionId: uuid,
    appointmentId: uuid,
    providerId: { ...uuid, description: 'Provider of the new slot; may differ from before.' },
    previousStart: dateTime,
    scheduledStart: dateTime,
    scheduledEnd: dateTime,
    rescheduledAt: dateTime,
  },
} as const satisfies JSONSchema;

export type SessionRescheduledV1 = EventData<typeof schema>;

const example: SessionRescheduledV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  providerId: ids.providerId,
  previousStart: '2026-03-09T09:00:00-04:00',
  scheduledStart: '2026-03-12T15:00:00-04:00',
  scheduledEnd: '2026-03-12T15:30:00-04:00',
  rescheduledAt: '2026-03-05T10:02:11Z',
};

// Links issued for the old time stop working: their window was computed from the old start.
export const sessionRescheduledV1 = {
  type: 'thc.sessions.SessionRescheduled.v1',
  stream: 'session',
  summary: 'The session moved with its appointment; links issued before are revoked.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
