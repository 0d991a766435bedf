import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { staffRole } from './training-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['staffId', 'role', 'credentialedAt', 'validUntil', 'certificationIds'],
  properties: {
    staffId: { ...uuid, description: 'For a provider, the providerId scheduling uses.' },
    role: staffRole,
    credentialedAt: dateTime,
    validUntil: {
      ...dateTime,
      description: 'The earliest expiry among the certifications the credential rests on.',
    },
    certificationIds: { type: 'array', minItems: 1, items: uuid },
  },
} as const satisfies JSONSchema;

export type StaffCredentialedV1 = EventData<typeof schema>;

const example: StaffCredentialedV1 = {
  staffId: ids.providerId,
  role: 'provider',
  credentialedAt: '2026-01-20T10:00:00Z',
  validUntil: '2027-01-15T16:45:01Z',
  certificationIds: [ids.certificationId],
};

export const staffCredentialedV1 = {
  type: 'thc.training.StaffCredentialed.v1',
  stream: 'staff',
  summary:
    'A staff member holds a current telehealth credential; scheduling lets providers be booked.',
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
