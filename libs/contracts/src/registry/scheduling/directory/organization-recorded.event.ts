import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../../schemas/actor.schema';
import { dateTime, uuid } from '../../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../../event-definition';
import { EXAMPLE_IDS as ids } from '../../example-ids';
import { displayText } from './directory-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['organizationId', 'name', 'active', 'recordedAt', 'recordedBy'],
  properties: {
    organizationId: uuid,
    name: displayText,
    /** A member of a larger health system (FHIR Organization.partOf). */
    partOf: uuid,
    active: { type: 'boolean' },
    recordedAt: dateTime,
    recordedBy: actor,
  },
} as const satisfies JSONSchema;

export type OrganizationRecordedV1 = EventData<typeof schema>;

const example: OrganizationRecordedV1 = {
  organizationId: ids.organizationId,
  name: 'Hudson Valley Health',
  active: true,
  recordedAt: '2026-03-01T09:00:00Z',
  recordedBy: { kind: 'user', userId: ids.adminId, role: 'admin' },
};

export const organizationRecordedV1 = {
  type: 'thc.scheduling.OrganizationRecorded.v1',
  stream: 'organization',
  summary:
    'The directory now lists an organization as stated (the whole record, latest wins); every service names it from this.',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
