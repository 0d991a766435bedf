import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, participant, uuid, visitType } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'sessionId',
    'appointmentId',
    'providerId',
    'patientId',
    'clinicId',
    'visitType',
    'scheduledStart',
    'scheduledEnd',
    'participants',
    'createdAt',
  ],
  properties: {
    sessionId: uuid,
    appointmentId: uuid,
    providerId: uuid,
    patientId: uuid,
    clinicId: uuid,
    visitType,
    scheduledStart: dateTime,
    scheduledEnd: dateTime,
    participants: { type: 'array', minItems: 2, items: participant },
    createdAt: dateTime,
  },
} as const satisfies JSONSchema;

export type SessionCreatedV1 = EventData<typeof schema>;

const example: SessionCreatedV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  providerId: ids.providerId,
  patientId: ids.patientId,
  clinicId: ids.clinicId,
  visitType: 'video',
  scheduledStart: '2026-03-09T09:00:00-04:00',
  scheduledEnd: '2026-03-09T09:30:00-04:00',
  participants: [
    { participantId: ids.patientId, role: 'patient' },
    { participantId: ids.providerId, role: 'provider' },
    { participantId: ids.interpreterId, role: 'interpreter' },
  ],
  createdAt: '2026-03-02T14:12:06Z',
};

export const sessionCreatedV1 = {
  type: 'thc.sessions.SessionCreated.v1',
  stream: 'session',
  summary:
    'The virtual visit for a booked appointment was created (reaction to AppointmentBooked).',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
