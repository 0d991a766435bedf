import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { certificationKind } from './training-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['staffId', 'certificationId', 'kind', 'expiredAt'],
  properties: {
    staffId: uuid,
    certificationId: uuid,
    kind: certificationKind,
    expiredAt: { ...dateTime, description: "The certification's expiry, not when it was noticed." },
  },
} as const satisfies JSONSchema;

export type CertificationExpiredV1 = EventData<typeof schema>;

const example: CertificationExpiredV1 = {
  staffId: ids.providerId,
  certificationId: ids.certificationId,
  kind: 'hipaa',
  expiredAt: '2027-01-15T16:45:01Z',
};

export const certificationExpiredV1 = {
  type: 'thc.training.CertificationExpired.v1',
  stream: 'staff',
  summary: 'A certification reached its expiry without renewal (once per certification).',
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
