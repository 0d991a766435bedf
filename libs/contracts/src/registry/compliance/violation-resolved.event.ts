import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { reviewNoteId, reviewNoteSha256 } from './violation-review.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['violationId', 'noteId', 'noteSha256', 'resolvedAt', 'resolvedBy'],
  properties: {
    violationId: uuid,
    patientId: { ...uuid, description: 'The patient the violation concerns, if any.' },
    noteId: reviewNoteId,
    noteSha256: reviewNoteSha256,
    resolvedAt: dateTime,
    resolvedBy: actor,
  },
} as const satisfies JSONSchema;

export type ViolationResolvedV1 = EventData<typeof schema>;

const example: ViolationResolvedV1 = {
  violationId: ids.violationId,
  patientId: ids.patientId,
  noteId: '9e1b3d5f-7a9c-4e4a-8d6f-8a1c3e5b7d22',
  noteSha256: 'fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9',
  resolvedAt: '2026-03-03T09:30:00Z',
  resolvedBy: { kind: 'user', userId: ids.coordinatorId, role: 'auditor' },
};

export const violationResolvedV1 = {
  type: 'thc.compliance.ViolationResolved.v1',
  stream: 'violation',
  summary: 'A privacy officer closed a violation (open or acknowledged), with a note; final.',
  schema,
  example,
} as const satisfies EventDefinition<'compliance'>;
