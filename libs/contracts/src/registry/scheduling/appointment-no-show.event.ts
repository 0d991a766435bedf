import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['appointmentId', 'patientId', 'providerId', 'sessionId', 'absent', 'recordedAt'],
  properties: {
    appointmentId: uuid,
    patientId: uuid,
    providerId: uuid,
    sessionId: uuid,
    absent: {
      type: 'string',
      enum: ['patient', 'provider'],
      description: 'Who did not show; only a patient no-show counts in the no-show rate.',
    },
    recordedAt: dateTime,
  },
} as const satisfies JSONSchema;

export type AppointmentNoShowV1 = EventData<typeof schema>;

const example: AppointmentNoShowV1 = {
  appointmentId: ids.appointmentId,
  patientId: ids.patientId,
  providerId: ids.providerId,
  sessionId: ids.sessionId,
  absent: 'patient',
  recordedAt: '2026-03-09T13:20:00Z',
};

export const appointmentNoShowV1 = {
  type: 'thc.scheduling.AppointmentNoShow.v1',
  stream: 'appointment',
  summary: 'A participant never came (scheduling reacts to SessionEnded with a no-show outcome).',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
