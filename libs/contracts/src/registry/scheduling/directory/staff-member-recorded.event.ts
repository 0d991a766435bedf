import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../../schemas/actor.schema';
import { dateTime, uuid } from '../../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../../event-definition';
import { EXAMPLE_IDS as ids } from '../../example-ids';
import { humanName, languageTag, staffFunction, stateLicence } from './directory-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'staffId',
    'organizationId',
    'name',
    'functions',
    'clinicIds',
    'languages',
    'licences',
    'active',
    'recordedAt',
    'recordedBy',
  ],
  properties: {
    staffId: uuid,
    organizationId: uuid,
    name: humanName,
    /** What they do here: a provider may also coordinate; an interpreter is scheduled like a provider. */
    functions: { type: 'array', minItems: 1, uniqueItems: true, items: staffFunction },
    /** The clinics they work in or cover. */
    clinicIds: { type: 'array', uniqueItems: true, maxItems: 200, items: uuid },
    languages: { type: 'array', uniqueItems: true, maxItems: 20, items: languageTag },
    /** State licences to practise; a provider may see a patient only where one is active. */
    licences: { type: 'array', maxItems: 60, items: stateLicence },
    /** National Provider Identifier, for providers who have one. */
    npi: { type: 'string', pattern: '^[0-9]{10}$' },
    active: { type: 'boolean' },
    recordedAt: dateTime,
    recordedBy: actor,
  },
} as const satisfies JSONSchema;

export type StaffMemberRecordedV1 = EventData<typeof schema>;

const example: StaffMemberRecordedV1 = {
  staffId: ids.providerId,
  organizationId: ids.organizationId,
  name: { family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] },
  functions: ['provider'],
  clinicIds: [ids.clinicId],
  languages: ['en', 'ig'],
  licences: [
    { state: 'NY', number: '298877', expiresOn: '2027-06-30' },
    { state: 'NJ', number: '25MA09876500', expiresOn: '2026-12-31' },
  ],
  npi: '1234567893',
  active: true,
  recordedAt: '2026-03-01T09:00:00Z',
  recordedBy: { kind: 'user', userId: ids.adminId, role: 'admin' },
};

export const staffMemberRecordedV1 = {
  type: 'thc.scheduling.StaffMemberRecorded.v1',
  stream: 'staffMember',
  summary:
    'The directory now lists a staff member as stated: name, what they do, clinics, languages and state licences (the whole record, latest wins).',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
