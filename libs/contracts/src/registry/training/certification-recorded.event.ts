import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { certificationKind, evidenceRef } from './training-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'staffId',
    'certificationId',
    'kind',
    'issuer',
    'issuedAt',
    'expiresAt',
    'evidenceRef',
    'recordedAt',
    'recordedBy',
  ],
  properties: {
    staffId: uuid,
    certificationId: uuid,
    kind: certificationKind,
    issuer: {
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9 .,&()/-]{1,119}$',
      description: 'The certifying body, e.g. "Telehealth Certification Institute".',
    },
    issuedAt: dateTime,
    expiresAt: dateTime,
    evidenceRef,
    recordedAt: dateTime,
    recordedBy: actor,
  },
} as const satisfies JSONSchema;

export type CertificationRecordedV1 = EventData<typeof schema>;

const example: CertificationRecordedV1 = {
  staffId: ids.coordinatorId,
  certificationId: ids.certificationId,
  kind: 'ctc',
  issuer: 'Telehealth Certification Institute',
  issuedAt: '2025-11-01T00:00:00Z',
  expiresAt: '2027-11-01T00:00:00Z',
  evidenceRef: 'https://certificates.example.org/ctc/88231',
  recordedAt: '2026-01-06T10:00:00Z',
  recordedBy: { kind: 'user', userId: ids.coordinatorId, role: 'trainer' },
};

export const certificationRecordedV1 = {
  type: 'thc.training.CertificationRecorded.v1',
  stream: 'staff',
  summary:
    'A certification earned outside the platform (e.g. CTC) was recorded with its issuer and expiry.',
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
