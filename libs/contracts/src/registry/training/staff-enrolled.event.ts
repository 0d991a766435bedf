import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { staffRole } from './training-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['staffId', 'role', 'teamId', 'enrolledAt', 'enrolledBy'],
  properties: {
    staffId: uuid,
    role: staffRole,
    teamId: { ...uuid, description: 'The team (usually a clinic) whose trainer follows them.' },
    enrolledAt: dateTime,
    enrolledBy: actor,
  },
} as const satisfies JSONSchema;

export type StaffEnrolledV1 = EventData<typeof schema>;

const example: StaffEnrolledV1 = {
  staffId: ids.providerId,
  role: 'provider',
  teamId: ids.clinicId,
  enrolledAt: '2026-01-05T09:00:00Z',
  enrolledBy: { kind: 'user', userId: ids.coordinatorId, role: 'trainer' },
};

export const staffEnrolledV1 = {
  type: 'thc.training.StaffEnrolled.v1',
  stream: 'staff',
  summary:
    'A staff member entered telehealth training in a role; they count as staff required to hold a credential.',
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
