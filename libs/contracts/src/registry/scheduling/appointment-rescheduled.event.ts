import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, timeZone, uuid } from '../../schemas/common-fields.schema';
import { encryptedField } from '../../schemas/encrypted-field.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids, EXAMPLE_ENCRYPTED } from '../example-ids';
import { patientLocation } from './appointment-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'appointmentId',
    'providerId',
    'previousStart',
    'previousEnd',
    'start',
    'end',
    'timeZone',
    'rescheduledAt',
    'rescheduledBy',
  ],
  properties: {
    appointmentId: uuid,
    providerId: { ...uuid, description: 'Provider of the new slot; may differ from before.' },
    previousStart: dateTime,
    previousEnd: dateTime,
    start: dateTime,
    end: dateTime,
    timeZone,
    patientLocation: {
      ...patientLocation,
      description:
        'Where the patient said they will be during the moved visit (a US state alone is not a HIPAA identifier); the provider of the new slot holds a licence active there through its end. Absent when the move did not restate it: the location stated before still holds.',
    },
    interpreterId: {
      ...uuid,
      description:
        'The interpreter held for the new time when it is not the one held before (the one before was not free then, and another who speaks the language was drawn from the pool).',
    },
    reason: { ...encryptedField, description: 'Free-text reason (may hold PHI), encrypted.' },
    rescheduledAt: dateTime,
    rescheduledBy: actor,
  },
} as const satisfies JSONSchema;

export type AppointmentRescheduledV1 = EventData<typeof schema>;

const example: AppointmentRescheduledV1 = {
  appointmentId: ids.appointmentId,
  providerId: ids.providerId,
  previousStart: '2026-03-09T09:00:00-04:00',
  previousEnd: '2026-03-09T09:30:00-04:00',
  start: '2026-03-12T15:00:00-04:00',
  end: '2026-03-12T15:30:00-04:00',
  timeZone: 'America/New_York',
  patientLocation: { state: 'NY' },
  reason: EXAMPLE_ENCRYPTED,
  rescheduledAt: '2026-03-05T10:02:11Z',
  rescheduledBy: { kind: 'user', userId: ids.patientId, role: 'patient' },
};

export const appointmentRescheduledV1 = {
  type: 'thc.scheduling.AppointmentRescheduled.v1',
  stream: 'appointment',
  summary: 'A booked appointment moved to another slot; sessions moves the visit and its links.',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
