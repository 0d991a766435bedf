import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { reviewNoteId, reviewNoteSha256 } from './violation-review.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['violationId', 'noteId', 'noteSha256', 'acknowledgedAt', 'acknowledgedBy'],
  properties: {
    violationId: uuid,
    patientId: { ...uuid, description: 'The patient the violation concerns, if any.' },
    noteId: reviewNoteId,
    noteSha256: reviewNoteSha256,
    acknowledgedAt: dateTime,
    acknowledgedBy: actor,
  },
} as const satisfies JSONSchema;

export type ViolationAcknowledgedV1 = EventData<typeof schema>;

const example: ViolationAcknowledgedV1 = {
  violationId: ids.violationId,
  patientId: ids.patientId,
  noteId: '7c9e1b3d-5f7a-4c2e-9b4d-6f8a1c3e5b21',
  noteSha256: '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
  acknowledgedAt: '2026-03-02T15:02:00Z',
  acknowledgedBy: { kind: 'user', userId: ids.coordinatorId, role: 'auditor' },
};

export const violationAcknowledgedV1 = {
  type: 'thc.compliance.ViolationAcknowledged.v1',
  stream: 'violation',
  summary: 'A privacy officer took an open violation in hand, with a note.',
  schema,
  example,
} as const satisfies EventDefinition<'compliance'>;
