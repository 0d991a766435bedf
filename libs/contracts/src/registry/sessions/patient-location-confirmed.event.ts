import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { usState } from '../scheduling/directory/directory-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'appointmentId', 'state', 'confirmedAt', 'confirmedBy'],
  properties: {
    sessionId: uuid,
    appointmentId: uuid,
    state: {
      ...usState,
      description:
        'USPS code of the state or territory the patient says they are in now. A state is not one of the HIPAA identifiers (only geographic units smaller than a state are), so it travels in clear.',
    },
    confirmedAt: dateTime,
    confirmedBy: actor,
  },
} as const satisfies JSONSchema;

export type PatientLocationConfirmedV1 = EventData<typeof schema>;

const example: PatientLocationConfirmedV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  state: 'NJ',
  confirmedAt: '2026-03-09T12:58:40Z',
  confirmedBy: { kind: 'user', userId: ids.patientId, role: 'patient' },
};

// Licensure follows where the patient is during the visit, not where they live or booked
// from: the start is allowed only with a provider licensed in the state confirmed here.
export const patientLocationConfirmedV1 = {
  type: 'thc.sessions.PatientLocationConfirmed.v1',
  stream: 'session',
  summary:
    'The patient (or staff on their behalf) confirmed the state the patient is in for this visit; the latest confirmation counts.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
