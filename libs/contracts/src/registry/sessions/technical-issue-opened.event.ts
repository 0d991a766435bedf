import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import { encryptedField } from '../../schemas/encrypted-field.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids, EXAMPLE_ENCRYPTED } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'issueId', 'category', 'openedAt', 'openedBy'],
  properties: {
    sessionId: uuid,
    issueId: uuid,
    participantId: { ...uuid, description: 'The participant affected, when it is one.' },
    category: {
      type: 'string',
      enum: ['audio', 'video', 'connection', 'join-link', 'device', 'other'],
    },
    // Free text typed during a visit easily contains PHI, hence encrypted.
    description: { ...encryptedField, description: 'What the reporter wrote, encrypted.' },
    openedAt: dateTime,
    openedBy: actor,
    trigger: {
      type: 'string',
      enum: ['reported', 'pre-visit-check', 'repeated-drops', 'failed-join'],
      description: 'Reported by a person, or opened automatically by the service.',
    },
    device: { type: 'string', enum: ['desktop', 'mobile', 'tablet'] },
    browser: { type: 'string', enum: ['chrome', 'edge', 'firefox', 'safari', 'other'] },
  },
} as const satisfies JSONSchema;

export type TechnicalIssueOpenedV1 = EventData<typeof schema>;

const example: TechnicalIssueOpenedV1 = {
  sessionId: ids.sessionId,
  issueId: ids.issueId,
  participantId: ids.patientId,
  category: 'connection',
  description: EXAMPLE_ENCRYPTED,
  openedAt: '2026-03-09T13:09:30Z',
  openedBy: { kind: 'user', userId: ids.providerId, role: 'provider' },
  trigger: 'reported',
};

export const technicalIssueOpenedV1 = {
  type: 'thc.sessions.TechnicalIssueOpened.v1',
  stream: 'session',
  summary: 'A technical problem in a visit was reported; troubleshooting starts.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
