import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import { encryptedField } from '../../schemas/encrypted-field.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids, EXAMPLE_ENCRYPTED } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['appointmentId', 'cancelledAt', 'cancelledBy', 'reasonCode', 'late'],
  properties: {
    appointmentId: uuid,
    cancelledAt: dateTime,
    cancelledBy: actor,
    // A coded reason keeps analytics PHI-free; the free text goes encrypted beside it.
    reasonCode: {
      type: 'string',
      enum: ['patient-request', 'provider-unavailable', 'technical', 'duplicate', 'other'],
    },
    reason: { ...encryptedField, description: 'Free-text reason (may hold PHI), encrypted.' },
    late: {
      type: 'boolean',
      description: "Cancelled inside the clinic's late-cancellation window before the start.",
    },
  },
} as const satisfies JSONSchema;

export type AppointmentCancelledV1 = EventData<typeof schema>;

const example: AppointmentCancelledV1 = {
  appointmentId: ids.appointmentId,
  cancelledAt: '2026-03-12T13:40:00Z',
  cancelledBy: { kind: 'user', userId: ids.patientId, role: 'patient' },
  reasonCode: 'patient-request',
  reason: EXAMPLE_ENCRYPTED,
  late: true,
};

export const appointmentCancelledV1 = {
  type: 'thc.scheduling.AppointmentCancelled.v1',
  stream: 'appointment',
  summary: 'An appointment was cancelled and its slot freed; sessions closes the visit.',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
