import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import {
  dateTime,
  participant,
  timeZone,
  uuid,
  visitType,
} from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { interpreterRequest, patientLocation } from './appointment-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'appointmentId',
    'providerId',
    'patientId',
    'clinicId',
    'visitType',
    'start',
    'end',
    'timeZone',
    'participants',
    'bookedAt',
    'bookedBy',
  ],
  properties: {
    appointmentId: uuid,
    providerId: uuid,
    patientId: uuid,
    clinicId: uuid,
    visitType,
    start: dateTime,
    end: dateTime,
    timeZone: {
      ...timeZone,
      description: "The provider's time zone, in which the slot was offered.",
    },
    participants: {
      type: 'array',
      minItems: 2,
      items: participant,
      description:
        'Patient, provider, and who else joins: an interpreter held for the visit (a directory staff member whose time the booking claimed) and a caregiver.',
    },
    patientLocation,
    interpreterRequest,
    bookedAt: dateTime,
    bookedBy: actor,
  },
} as const satisfies JSONSchema;

export type AppointmentBookedV1 = EventData<typeof schema>;

const example: AppointmentBookedV1 = {
  appointmentId: ids.appointmentId,
  providerId: ids.providerId,
  patientId: ids.patientId,
  clinicId: ids.clinicId,
  visitType: 'video',
  start: '2026-03-09T09:00:00-04:00',
  end: '2026-03-09T09:30:00-04:00',
  timeZone: 'America/New_York',
  participants: [
    { participantId: ids.patientId, role: 'patient' },
    { participantId: ids.providerId, role: 'provider' },
    { participantId: ids.interpreterId, role: 'interpreter' },
  ],
  patientLocation: { state: 'NY' },
  bookedAt: '2026-03-02T14:12:05Z',
  bookedBy: { kind: 'user', userId: ids.coordinatorId, role: 'coordinator' },
};

export const appointmentBookedV1 = {
  type: 'thc.scheduling.AppointmentBooked.v1',
  stream: 'appointment',
  summary:
    'A slot was booked for a patient; sessions creates the virtual visit and issues join links.',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
