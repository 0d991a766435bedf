import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { certificationKind } from './training-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['staffId', 'certificationId', 'kind', 'expiresAt', 'daysRemaining', 'warnedAt'],
  properties: {
    staffId: uuid,
    certificationId: uuid,
    kind: certificationKind,
    expiresAt: dateTime,
    daysRemaining: { type: 'integer', minimum: 0 },
    warnedAt: dateTime,
    leadDays: {
      type: 'integer',
      minimum: 1,
      description: 'The configured lead time (e.g. 30 or 7 days) this warning answers.',
    },
  },
} as const satisfies JSONSchema;

export type CredentialExpiryWarningV1 = EventData<typeof schema>;

const example: CredentialExpiryWarningV1 = {
  staffId: ids.providerId,
  certificationId: ids.certificationId,
  kind: 'hipaa',
  expiresAt: '2027-01-15T16:45:01Z',
  daysRemaining: 30,
  warnedAt: '2026-12-16T16:45:01Z',
  leadDays: 30,
};

export const credentialExpiryWarningV1 = {
  type: 'thc.training.CredentialExpiryWarning.v1',
  stream: 'staff',
  summary: 'A certification behind a credential expires soon; the staff member should renew it.',
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
