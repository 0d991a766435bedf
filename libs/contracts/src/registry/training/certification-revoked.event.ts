import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { certificationKind } from './training-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['staffId', 'certificationId', 'kind', 'reason', 'revokedAt', 'revokedBy'],
  properties: {
    staffId: uuid,
    certificationId: uuid,
    kind: certificationKind,
    reason: { type: 'string', enum: ['evidence-invalid', 'policy-breach', 'administrative'] },
    revokedAt: dateTime,
    revokedBy: actor,
  },
} as const satisfies JSONSchema;

export type CertificationRevokedV1 = EventData<typeof schema>;

const example: CertificationRevokedV1 = {
  staffId: ids.providerId,
  certificationId: ids.certificationId,
  kind: 'hipaa',
  reason: 'policy-breach',
  revokedAt: '2026-06-01T09:00:00Z',
  revokedBy: { kind: 'user', userId: ids.coordinatorId, role: 'trainer' },
};

export const certificationRevokedV1 = {
  type: 'thc.training.CertificationRevoked.v1',
  stream: 'staff',
  summary: 'A certification was withdrawn before its expiry.',
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
