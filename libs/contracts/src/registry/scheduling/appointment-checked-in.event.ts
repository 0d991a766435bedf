import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['appointmentId', 'patientId', 'sessionId', 'checkedInAt'],
  properties: {
    appointmentId: uuid,
    patientId: uuid,
    sessionId: uuid,
    checkedInAt: { ...dateTime, description: 'When the patient arrived in the waiting room.' },
  },
} as const satisfies JSONSchema;

export type AppointmentCheckedInV1 = EventData<typeof schema>;

const example: AppointmentCheckedInV1 = {
  appointmentId: ids.appointmentId,
  patientId: ids.patientId,
  sessionId: ids.sessionId,
  checkedInAt: '2026-03-09T12:56:30Z',
};

export const appointmentCheckedInV1 = {
  type: 'thc.scheduling.AppointmentCheckedIn.v1',
  stream: 'appointment',
  summary:
    'The patient arrived for the visit (scheduling reacts to PatientArrivedInWaitingRoom), so it cannot end as a patient no-show.',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
