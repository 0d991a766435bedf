import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { certificationKind, staffRole } from './training-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['staffId', 'role', 'lapsedAt', 'cause', 'certificationKind'],
  properties: {
    staffId: uuid,
    role: staffRole,
    lapsedAt: dateTime,
    cause: { type: 'string', enum: ['certification-expired', 'certification-revoked'] },
    certificationKind: { ...certificationKind, description: 'The certification that went.' },
    certificationId: {
      ...uuid,
      description: 'The certification that went (optional: added later).',
    },
  },
} as const satisfies JSONSchema;

export type StaffCredentialLapsedV1 = EventData<typeof schema>;

const example: StaffCredentialLapsedV1 = {
  staffId: ids.providerId,
  role: 'provider',
  lapsedAt: '2027-01-15T16:45:01Z',
  cause: 'certification-expired',
  certificationKind: 'hipaa',
};

export const staffCredentialLapsedV1 = {
  type: 'thc.training.StaffCredentialLapsed.v1',
  stream: 'staff',
  summary: "A staff member's telehealth credential is no longer current; new bookings are refused.",
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
