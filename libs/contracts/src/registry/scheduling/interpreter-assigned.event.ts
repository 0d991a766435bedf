import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['appointmentId', 'interpreterId', 'start', 'end', 'assignedAt', 'assignedBy'],
  properties: {
    appointmentId: uuid,
    interpreterId: {
      ...uuid,
      description:
        "The interpreter drawn from the pool, a directory staff member. The language is not carried: a patient's language is PHI.",
    },
    start: {
      ...dateTime,
      description:
        "From when the interpreter's time is held: the draw, or the visit's start when the draw came before it.",
    },
    end: { ...dateTime, description: "The visit's end: the interpreter is held until then." },
    assignedAt: dateTime,
    assignedBy: actor,
  },
} as const satisfies JSONSchema;

export type InterpreterAssignedV1 = EventData<typeof schema>;

const example: InterpreterAssignedV1 = {
  appointmentId: ids.appointmentId,
  interpreterId: ids.interpreterId,
  start: '2026-03-09T13:04:00Z',
  end: '2026-03-09T13:30:00Z',
  assignedAt: '2026-03-09T13:04:00Z',
  assignedBy: { kind: 'user', userId: ids.providerId, role: 'provider' },
};

export const interpreterAssignedV1 = {
  type: 'thc.scheduling.InterpreterAssigned.v1',
  stream: 'appointment',
  summary:
    'An interpreter asked for on demand was drawn from the pool for the rest of the visit; sessions adds them to the visit.',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
