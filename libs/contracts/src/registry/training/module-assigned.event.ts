import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { assignmentReason, moduleCode } from './training-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'staffId',
    'assignmentId',
    'moduleId',
    'moduleCode',
    'moduleVersion',
    'reason',
    'assignedAt',
    'dueAt',
    'assignedBy',
  ],
  properties: {
    staffId: uuid,
    assignmentId: uuid,
    moduleId: uuid,
    moduleCode,
    moduleVersion: { type: 'integer', minimum: 1 },
    reason: assignmentReason,
    assignedAt: dateTime,
    dueAt: dateTime,
    assignedBy: actor,
  },
} as const satisfies JSONSchema;

export type ModuleAssignedV1 = EventData<typeof schema>;

const example: ModuleAssignedV1 = {
  staffId: ids.providerId,
  assignmentId: ids.eventId,
  moduleId: ids.moduleId,
  moduleCode: 'HIPAA-PRIVACY-SECURITY',
  moduleVersion: 1,
  reason: 'role-requirement',
  assignedAt: '2026-01-05T09:00:00Z',
  dueAt: '2026-02-04T09:00:00Z',
  assignedBy: { kind: 'user', userId: ids.coordinatorId, role: 'trainer' },
};

export const moduleAssignedV1 = {
  type: 'thc.training.ModuleAssigned.v1',
  stream: 'staff',
  summary:
    'A module was assigned to a staff member, by role requirement or by a trainer, with a due date.',
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
