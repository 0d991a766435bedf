import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { moduleCode } from './training-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['staffId', 'assignmentId', 'moduleId', 'moduleCode', 'dueAt'],
  properties: {
    staffId: uuid,
    assignmentId: uuid,
    moduleId: uuid,
    moduleCode,
    dueAt: { ...dateTime, description: 'The due date passed without a passing completion.' },
  },
} as const satisfies JSONSchema;

export type AssignmentOverdueV1 = EventData<typeof schema>;

const example: AssignmentOverdueV1 = {
  staffId: ids.providerId,
  assignmentId: ids.eventId,
  moduleId: ids.moduleId,
  moduleCode: 'HIPAA-PRIVACY-SECURITY',
  dueAt: '2026-02-04T09:00:00Z',
};

export const assignmentOverdueV1 = {
  type: 'thc.training.AssignmentOverdue.v1',
  stream: 'staff',
  summary: 'An assignment reached its due date without a passing completion (once per assignment).',
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
