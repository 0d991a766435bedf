import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

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
    moduleCode: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9-]{1,31}$',
      description: 'e.g. HIPAA-101',
    },
    attempt: { type: 'integer', minimum: 1 },
    scorePercent: { type: 'number', minimum: 0, maximum: 100 },
    passed: { type: 'boolean' },
    completedAt: dateTime,
  },
} as const satisfies JSONSchema;

export type ModuleCompletedV1 = EventData<typeof schema>;

const example: ModuleCompletedV1 = {
  staffId: ids.providerId,
  moduleId: ids.moduleId,
  moduleCode: 'HIPAA-101',
  attempt: 1,
  scorePercent: 92,
  passed: true,
  completedAt: '2026-01-15T16:45:00Z',
};

export const moduleCompletedV1 = {
  type: 'thc.training.ModuleCompleted.v1',
  stream: 'staff',
  summary: 'A staff member finished an assigned training module, with score and pass/fail.',
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
