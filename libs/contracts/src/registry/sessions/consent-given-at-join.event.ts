import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import { encryptedField } from '../../schemas/encrypted-field.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids, EXAMPLE_ENCRYPTED } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'sessionId',
    'appointmentId',
    'patientId',
    'clinicId',
    'scope',
    'givenAt',
    'method',
    'textVersion',
    'givenBy',
  ],
  properties: {
    sessionId: uuid,
    appointmentId: uuid,
    patientId: uuid,
    clinicId: uuid,
    scope: { const: 'telehealth', description: 'What the patient consented to.' },
    givenAt: dateTime,
    method: {
      const: 'join-link',
      description:
        "Accepted on the visit page, which the patient reached with their own join link: the link is the patient's credential.",
    },
    textVersion: {
      type: 'string',
      minLength: 1,
      maxLength: 40,
      description: 'Version of the consent text the patient read (the same in every language).',
    },
    language: {
      ...encryptedField,
      description:
        "Language of the text the patient read (BCP 47), sealed under the patient's key: a patient's language is PHI. Absent when the service cannot seal.",
    },
    givenBy: actor,
  },
} as const satisfies JSONSchema;

export type ConsentGivenAtJoinV1 = EventData<typeof schema>;

const example: ConsentGivenAtJoinV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  patientId: ids.patientId,
  clinicId: ids.clinicId,
  scope: 'telehealth',
  givenAt: '2026-03-09T12:56:10Z',
  method: 'join-link',
  textVersion: '2026-12',
  language: EXAMPLE_ENCRYPTED,
  givenBy: { kind: 'user', userId: ids.patientId, role: 'patient' },
};

// Consent records belong to compliance-audit: it records this as a granted consent of its own
// (ConsentGranted), which sessions then follows like any other.
export const consentGivenAtJoinV1 = {
  type: 'thc.sessions.ConsentGivenAtJoin.v1',
  stream: 'session',
  summary:
    'The patient accepted the telehealth consent text on the visit page, through their join link, with no consent on record; compliance-audit records it as a granted consent.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
