import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, nonNegativeInteger, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

/** The troubleshooting playbook, as codes, so the steps that work can be counted. */
const troubleshootingStep = {
  type: 'string',
  enum: [
    'reload-page',
    'rejoin',
    'grant-permissions',
    'switch-device',
    'switch-network',
    'audio-only',
    'dial-in',
    'new-join-link',
  ],
} as const satisfies JSONSchema;

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'issueId', 'resolvedAt', 'outcome', 'steps', 'resolvedBy'],
  properties: {
    sessionId: uuid,
    issueId: uuid,
    resolvedAt: dateTime,
    outcome: {
      type: 'string',
      enum: ['fixed', 'worked-around', 'visit-rescheduled', 'not-fixed'],
    },
    steps: { type: 'array', items: troubleshootingStep },
    resolvedBy: actor,
    category: {
      type: 'string',
      enum: ['audio', 'video', 'connection', 'join-link', 'device', 'other'],
      description: 'The category the issue was opened with.',
    },
    secondsToResolve: {
      ...nonNegativeInteger,
      description: 'Time to resolve: seconds from TechnicalIssueOpened to this resolution.',
    },
  },
} as const satisfies JSONSchema;

export type TechnicalIssueResolvedV1 = EventData<typeof schema>;

const example: TechnicalIssueResolvedV1 = {
  sessionId: ids.sessionId,
  issueId: ids.issueId,
  resolvedAt: '2026-03-09T13:10:05Z',
  outcome: 'worked-around',
  steps: ['rejoin', 'audio-only'],
  resolvedBy: { kind: 'user', userId: ids.providerId, role: 'provider' },
  category: 'connection',
  secondsToResolve: 35,
};

export const technicalIssueResolvedV1 = {
  type: 'thc.sessions.TechnicalIssueResolved.v1',
  stream: 'session',
  summary: 'A technical issue was closed, with the troubleshooting steps taken and the outcome.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
