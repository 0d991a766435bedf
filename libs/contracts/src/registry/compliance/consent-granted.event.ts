import type { JSONSchema } from 'json-schema-to-ts';
import { actor, userRole } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { consentScope } from './consent-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['consentId', 'patientId', 'scope', 'formVersion', 'method', 'grantedAt', 'capturedBy'],
  properties: {
    consentId: uuid,
    patientId: uuid,
    scope: consentScope,
    formVersion: {
      type: 'string',
      minLength: 1,
      maxLength: 40,
      description: 'Version of the consent text the patient agreed to.',
    },
    method: { type: 'string', enum: ['electronic-signature', 'verbal', 'written'] },
    grantedAt: dateTime,
    expiresAt: { ...dateTime, description: 'Absent when the consent does not expire.' },
    capturedBy: actor,
    witnessedBy: {
      type: 'object',
      additionalProperties: false,
      required: ['userId', 'role'],
      properties: { userId: uuid, role: userRole },
      description: 'The staff member who witnessed a verbal consent; required for method verbal.',
    },
  },
} as const satisfies JSONSchema;

export type ConsentGrantedV1 = EventData<typeof schema>;

const example: ConsentGrantedV1 = {
  consentId: ids.consentId,
  patientId: ids.patientId,
  scope: 'telehealth',
  formVersion: '2026-01',
  method: 'electronic-signature',
  grantedAt: '2026-03-02T13:50:00Z',
  expiresAt: '2027-03-02T13:50:00Z',
  capturedBy: { kind: 'user', userId: ids.patientId, role: 'patient' },
};

export const consentGrantedV1 = {
  type: 'thc.compliance.ConsentGranted.v1',
  stream: 'consent',
  summary:
    'A patient gave consent (telehealth, recording, data sharing); sessions may start visits.',
  schema,
  example,
} as const satisfies EventDefinition<'compliance'>;
