import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, participantRole, uuid } from '../../schemas/common-fields.schema';
import { encryptedField } from '../../schemas/encrypted-field.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids, EXAMPLE_ENCRYPTED } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'sessionId',
    'surveyId',
    'participantId',
    'role',
    'submittedAt',
    'satisfaction',
    'nps',
  ],
  properties: {
    sessionId: uuid,
    surveyId: uuid,
    participantId: uuid,
    role: participantRole,
    submittedAt: dateTime,
    satisfaction: { type: 'integer', minimum: 1, maximum: 5, description: '1 (poor) to 5.' },
    nps: { type: 'integer', minimum: 0, maximum: 10, description: 'Likelihood to recommend.' },
    audioVideoQuality: { type: 'integer', minimum: 1, maximum: 5 },
    comment: { ...encryptedField, description: 'Free-text comment (may hold PHI), encrypted.' },
  },
} as const satisfies JSONSchema;

export type SurveySubmittedV1 = EventData<typeof schema>;

const example: SurveySubmittedV1 = {
  sessionId: ids.sessionId,
  surveyId: ids.surveyId,
  participantId: ids.patientId,
  role: 'patient',
  submittedAt: '2026-03-09T13:27:02Z',
  satisfaction: 4,
  nps: 9,
  audioVideoQuality: 3,
  comment: EXAMPLE_ENCRYPTED,
};

export const surveySubmittedV1 = {
  type: 'thc.sessions.SurveySubmitted.v1',
  stream: 'session',
  summary: 'A participant answered the post-visit satisfaction survey.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
