import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'appointmentId', 'patientId', 'arrivedAt'],
  properties: { sessionId: uuid, appointmentId: uuid, patientId: uuid, arrivedAt: dateTime },
} as const satisfies JSONSchema;

export type PatientArrivedInWaitingRoomV1 = EventData<typeof schema>;

const example: PatientArrivedInWaitingRoomV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  patientId: ids.patientId,
  arrivedAt: '2026-03-09T12:56:30Z',
};

export const patientArrivedInWaitingRoomV1 = {
  type: 'thc.sessions.PatientArrivedInWaitingRoom.v1',
  stream: 'session',
  summary: 'The patient entered the virtual waiting room; waiting time runs until admission.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
