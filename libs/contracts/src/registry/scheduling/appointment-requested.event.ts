import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, timeZone, uuid, visitType } from '../../schemas/common-fields.schema';
import { encryptedField } from '../../schemas/encrypted-field.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids, EXAMPLE_ENCRYPTED } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'appointmentId',
    'patientId',
    'clinicId',
    'visitType',
    'window',
    'timeZone',
    'requestedAt',
    'requestedBy',
  ],
  properties: {
    appointmentId: uuid,
    patientId: uuid,
    clinicId: uuid,
    providerId: { ...uuid, description: 'Preferred provider; absent means any provider.' },
    visitType,
    window: {
      type: 'object',
      additionalProperties: false,
      required: ['earliest', 'latest'],
      description: 'When the patient can attend.',
      properties: { earliest: dateTime, latest: dateTime },
    },
    timeZone: { ...timeZone, description: "The patient's time zone, for showing slots." },
    reason: { ...encryptedField, description: 'Free-text reason for the visit (PHI), encrypted.' },
    requestedAt: dateTime,
    requestedBy: actor,
  },
} as const satisfies JSONSchema;

export type AppointmentRequestedV1 = EventData<typeof schema>;

const example: AppointmentRequestedV1 = {
  appointmentId: ids.appointmentId,
  patientId: ids.patientId,
  clinicId: ids.clinicId,
  providerId: ids.providerId,
  visitType: 'video',
  window: { earliest: '2026-03-09T08:00:00-04:00', latest: '2026-03-13T18:00:00-04:00' },
  timeZone: 'America/New_York',
  reason: EXAMPLE_ENCRYPTED,
  requestedAt: '2026-03-02T13:58:40Z',
  requestedBy: { kind: 'user', userId: ids.patientId, role: 'patient' },
};

export const appointmentRequestedV1 = {
  type: 'thc.scheduling.AppointmentRequested.v1',
  stream: 'appointment',
  summary:
    'A patient or coordinator asked for a visit in a time window; a coordinator books a slot.',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
