import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['erasureId', 'patientId', 'requestRef', 'keyDestroyed', 'erasedAt', 'erasedBy'],
  properties: {
    erasureId: uuid,
    patientId: uuid,
    requestRef: {
      type: 'string',
      pattern: '^[A-Za-z0-9._-]{1,60}$',
      description: "Reference of the patient's erasure request (no PHI).",
    },
    keyDestroyed: {
      type: 'boolean',
      description:
        'Whether a data key was destroyed; false when no PHI had been sealed for the patient yet (a tombstone still blocks sealing any later).',
    },
    erasedAt: dateTime,
    erasedBy: actor,
  },
} as const satisfies JSONSchema;

export type PatientErasedV1 = EventData<typeof schema>;

const example: PatientErasedV1 = {
  erasureId: ids.eventId,
  patientId: ids.patientId,
  requestRef: 'ERASURE-2026-0042',
  keyDestroyed: true,
  erasedAt: '2026-03-20T10:00:00Z',
  erasedBy: { kind: 'user', userId: ids.coordinatorId, role: 'admin' },
};

export const patientErasedV1 = {
  type: 'thc.compliance.PatientErased.v1',
  stream: 'erasure',
  summary:
    "A patient's data key was destroyed at their request (crypto-shredding): every sealed copy of their PHI is unreadable; each service purges the plaintext it keeps about them from its views; events and counts stay.",
  schema,
  example,
} as const satisfies EventDefinition<'compliance'>;
