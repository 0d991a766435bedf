import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['appointmentId', 'sessionId', 'startedAt', 'endedAt', 'completedAt'],
  properties: {
    appointmentId: uuid,
    sessionId: uuid,
    startedAt: { ...dateTime, description: 'When the visit actually started.' },
    endedAt: { ...dateTime, description: 'When the visit actually ended.' },
    completedAt: { ...dateTime, description: 'When scheduling recorded the outcome.' },
  },
} as const satisfies JSONSchema;

export type AppointmentCompletedV1 = EventData<typeof schema>;

const example: AppointmentCompletedV1 = {
  appointmentId: ids.appointmentId,
  sessionId: ids.sessionId,
  startedAt: '2026-03-09T13:01:10Z',
  endedAt: '2026-03-09T13:24:45Z',
  completedAt: '2026-03-09T13:24:46Z',
};

export const appointmentCompletedV1 = {
  type: 'thc.scheduling.AppointmentCompleted.v1',
  stream: 'appointment',
  summary: 'The visit took place (scheduling reacts to SessionEnded with outcome completed).',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
