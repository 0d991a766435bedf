import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { consentScope } from './consent-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['consentId', 'patientId', 'scope', 'revokedAt', 'revokedBy'],
  properties: {
    consentId: uuid,
    patientId: uuid,
    scope: consentScope,
    revokedAt: dateTime,
    revokedBy: actor,
  },
} as const satisfies JSONSchema;

export type ConsentRevokedV1 = EventData<typeof schema>;

const example: ConsentRevokedV1 = {
  consentId: ids.consentId,
  patientId: ids.patientId,
  scope: 'telehealth',
  revokedAt: '2026-04-10T08:15:00Z',
  revokedBy: { kind: 'user', userId: ids.patientId, role: 'patient' },
};

export const consentRevokedV1 = {
  type: 'thc.compliance.ConsentRevoked.v1',
  stream: 'consent',
  summary: 'A patient withdrew a consent; sessions refuses to start visits that need it.',
  schema,
  example,
} as const satisfies EventDefinition<'compliance'>;
