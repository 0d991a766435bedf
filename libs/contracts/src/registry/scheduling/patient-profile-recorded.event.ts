import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import { encryptedField } from '../../schemas/encrypted-field.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_ENCRYPTED, EXAMPLE_IDS as ids } from '../example-ids';
import { usState } from './directory/directory-fields.schema';

/*
 * The platform keeps only the minimum about a patient: the language to speak to them in and
 * the state they live in. The language tells much about a person (often their origin), so it
 * is sealed under the patient's key; a US state alone is not a HIPAA identifier (only units
 * smaller than a state are), so it travels in clear.
 */
const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['patientId', 'preferredLanguage', 'stateOfResidence', 'recordedAt', 'recordedBy'],
  properties: {
    patientId: uuid,
    preferredLanguage: {
      ...encryptedField,
      description:
        "The patient's preferred language, a BCP 47 tag (PHI), encrypted under the patient's key.",
    },
    stateOfResidence: {
      ...usState,
      description:
        'USPS code of the state the patient lives in, in clear: a US state alone is not a HIPAA identifier (only geographic units smaller than a state are).',
    },
    recordedAt: dateTime,
    recordedBy: actor,
  },
} as const satisfies JSONSchema;

export type PatientProfileRecordedV1 = EventData<typeof schema>;

const example: PatientProfileRecordedV1 = {
  patientId: ids.patientId,
  preferredLanguage: { ...EXAMPLE_ENCRYPTED, v: 2 },
  stateOfResidence: 'NJ',
  recordedAt: '2026-03-02T14:00:00Z',
  recordedBy: { kind: 'user', userId: ids.patientId, role: 'patient' },
};

export const patientProfileRecordedV1 = {
  type: 'thc.scheduling.PatientProfileRecorded.v1',
  stream: 'patientProfile',
  summary:
    "The patient's minimum record now stands as stated: preferred language (sealed) and state of residence (the whole record, latest wins).",
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
