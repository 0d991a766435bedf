import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { evidenceRef, moduleCode, moduleTopic } from './training-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'staffId',
    'moduleId',
    'moduleCode',
    'attempt',
    'scorePercent',
    'passed',
    'completedAt',
  ],
  properties: {
    staffId: uuid,
    moduleId: uuid,
    moduleCode,
    attempt: { type: 'integer', minimum: 1 },
    scorePercent: { type: 'number', minimum: 0, maximum: 100 },
    passed: { type: 'boolean' },
    completedAt: dateTime,
    moduleTopic: {
      ...moduleTopic,
      description: 'What the module teaches (optional: added later).',
    },
    moduleVersion: { type: 'integer', minimum: 1, description: 'The catalog version taken.' },
    assignmentId: { ...uuid, description: 'The assignment this attempt answers, if any.' },
    passMarkPercent: { type: 'number', minimum: 0, maximum: 100 },
    maxAttempts: { type: 'integer', minimum: 1 },
    evidenceRef,
  },
} as const satisfies JSONSchema;

export type ModuleCompletedV1 = EventData<typeof schema>;

const example: ModuleCompletedV1 = {
  staffId: ids.providerId,
  moduleId: ids.moduleId,
  moduleCode: 'HIPAA-PRIVACY-SECURITY',
  attempt: 1,
  scorePercent: 92,
  passed: true,
  completedAt: '2026-01-15T16:45:00Z',
  moduleTopic: 'hipaa',
  moduleVersion: 1,
  assignmentId: ids.eventId,
  passMarkPercent: 80,
  maxAttempts: 3,
  evidenceRef: 'lms://attempts/4711',
};

export const moduleCompletedV1 = {
  type: 'thc.training.ModuleCompleted.v1',
  stream: 'staff',
  summary: 'A staff member finished an assigned training module, with score and pass/fail.',
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
