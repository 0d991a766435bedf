import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

/** Purposes for which PHI may leave the health system and must be accounted for (HIPAA 164.528). */
export const DISCLOSURE_PURPOSES = [
  'treatment',
  'payment',
  'public-health',
  'health-oversight',
  'judicial',
  'law-enforcement',
  'research',
  'required-by-law',
  'patient-authorized',
] as const;

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'disclosureId',
    'patientId',
    'recipient',
    'purpose',
    'resources',
    'disclosedAt',
    'recordedAt',
    'recordedBy',
  ],
  properties: {
    disclosureId: uuid,
    patientId: uuid,
    recipient: {
      type: 'object',
      additionalProperties: false,
      required: ['organization', 'kind'],
      description:
        'Who received the data outside the health system: an organization, not a person.',
      properties: {
        organization: { type: 'string', minLength: 1, maxLength: 120 },
        kind: {
          type: 'string',
          enum: ['provider', 'payer', 'public-authority', 'court', 'researcher', 'other'],
        },
      },
    },
    purpose: { type: 'string', enum: DISCLOSURE_PURPOSES },
    resources: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      description: 'What was disclosed, as FHIR resource types (Appointment, Encounter, Consent).',
      items: { type: 'string', pattern: '^[A-Z][A-Za-z]{1,63}$' },
    },
    disclosedAt: { ...dateTime, description: 'When the data left the health system.' },
    recordedAt: dateTime,
    recordedBy: actor,
  },
} as const satisfies JSONSchema;

export type DisclosureRecordedV1 = EventData<typeof schema>;

const example: DisclosureRecordedV1 = {
  disclosureId: ids.eventId,
  patientId: ids.patientId,
  recipient: { organization: 'State Department of Public Health', kind: 'public-authority' },
  purpose: 'public-health',
  resources: ['Appointment', 'Encounter'],
  disclosedAt: '2026-03-18T09:00:00Z',
  recordedAt: '2026-03-18T09:30:00Z',
  recordedBy: { kind: 'user', userId: ids.coordinatorId, role: 'admin' },
};

export const disclosureRecordedV1 = {
  type: 'thc.compliance.DisclosureRecorded.v1',
  stream: 'phiAccess',
  summary:
    "A patient's data was disclosed to a party outside the health system (recipient, purpose, what, when); part of the patient's accounting of disclosures.",
  schema,
  example,
} as const satisfies EventDefinition<'compliance'>;
