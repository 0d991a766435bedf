import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'appointmentId', 'interpreterId', 'changedAt'],
  properties: {
    sessionId: uuid,
    appointmentId: uuid,
    interpreterId: {
      ...uuid,
      description:
        'The interpreter who now takes part in the visit (a directory staff member): a join link can be issued for them.',
    },
    previousInterpreterId: {
      ...uuid,
      description:
        'The interpreter they replace, absent when the visit had none (drawn on demand). Their links are revoked in the same append.',
    },
    changedAt: dateTime,
  },
} as const satisfies JSONSchema;

export type SessionInterpreterChangedV1 = EventData<typeof schema>;

const example: SessionInterpreterChangedV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  interpreterId: ids.interpreterId,
  changedAt: '2026-03-09T13:04:01Z',
};

// Follows scheduling: InterpreterAssigned (drawn on demand) and AppointmentRescheduled.interpreterId.
export const sessionInterpreterChangedV1 = {
  type: 'thc.sessions.SessionInterpreterChanged.v1',
  stream: 'session',
  summary:
    "The visit's interpreter changed with its appointment: one drawn on demand joins, or one held for a moved visit replaces the one before.",
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
