import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../../schemas/actor.schema';
import { dateTime, timeZone, uuid } from '../../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../../event-definition';
import { EXAMPLE_IDS as ids } from '../../example-ids';
import { displayText, postalAddress } from './directory-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'clinicId',
    'organizationId',
    'name',
    'timeZone',
    'address',
    'active',
    'recordedAt',
    'recordedBy',
  ],
  properties: {
    clinicId: uuid,
    organizationId: uuid,
    name: displayText,
    timeZone,
    address: postalAddress,
    active: { type: 'boolean' },
    recordedAt: dateTime,
    recordedBy: actor,
  },
} as const satisfies JSONSchema;

export type ClinicRecordedV1 = EventData<typeof schema>;

const example: ClinicRecordedV1 = {
  clinicId: ids.clinicId,
  organizationId: ids.organizationId,
  name: 'Hudson Valley Telehealth — Poughkeepsie',
  timeZone: 'America/New_York',
  address: { lines: ['45 Reade Place'], city: 'Poughkeepsie', state: 'NY', postalCode: '12601' },
  active: true,
  recordedAt: '2026-03-01T09:00:00Z',
  recordedBy: { kind: 'user', userId: ids.adminId, role: 'admin' },
};

export const clinicRecordedV1 = {
  type: 'thc.scheduling.ClinicRecorded.v1',
  stream: 'clinic',
  summary:
    'The directory now lists a clinic as stated: name, organization, time zone and address (the whole record, latest wins).',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
