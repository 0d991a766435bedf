import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { certificationKind } from './training-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['staffId', 'certificationId', 'kind', 'grantedAt', 'expiresAt', 'basedOnModuleIds'],
  properties: {
    staffId: uuid,
    certificationId: uuid,
    kind: certificationKind,
    grantedAt: dateTime,
    expiresAt: dateTime,
    basedOnModuleIds: { type: 'array', minItems: 1, items: uuid },
  },
} as const satisfies JSONSchema;

export type CertificationGrantedV1 = EventData<typeof schema>;

const example: CertificationGrantedV1 = {
  staffId: ids.providerId,
  certificationId: ids.certificationId,
  kind: 'hipaa',
  grantedAt: '2026-01-15T16:45:01Z',
  expiresAt: '2027-01-15T16:45:01Z',
  basedOnModuleIds: [ids.moduleId],
};

export const certificationGrantedV1 = {
  type: 'thc.training.CertificationGranted.v1',
  stream: 'staff',
  summary: 'A certification (HIPAA, platform use, CTC) was granted until its expiry.',
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
