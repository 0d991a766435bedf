import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, timeZone, uuid, visitType } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'waitlistEntryId',
    'patientId',
    'clinicId',
    'visitType',
    'earlierThan',
    'timeZone',
    'joinedAt',
    'joinedBy',
  ],
  properties: {
    waitlistEntryId: uuid,
    patientId: uuid,
    clinicId: uuid,
    providerId: { ...uuid, description: 'Absent: any provider of the clinic will do.' },
    visitType,
    earlierThan: { ...dateTime, description: 'Only slots starting before this are wanted.' },
    timeZone: { ...timeZone, description: "The patient's zone, for offers shown to them." },
    joinedAt: dateTime,
    joinedBy: actor,
  },
} as const satisfies JSONSchema;

export type WaitlistJoinedV1 = EventData<typeof schema>;

const example: WaitlistJoinedV1 = {
  waitlistEntryId: ids.waitlistEntryId,
  patientId: ids.patientId,
  clinicId: ids.clinicId,
  providerId: ids.providerId,
  visitType: 'video',
  earlierThan: '2026-03-20T09:00:00-04:00',
  timeZone: 'America/New_York',
  joinedAt: '2026-03-05T14:00:00Z',
  joinedBy: { kind: 'user', userId: ids.patientId, role: 'patient' },
};

export const waitlistJoinedV1 = {
  type: 'thc.scheduling.WaitlistJoined.v1',
  stream: 'waitlistEntry',
  summary:
    'A patient waits for an earlier slot with a provider or anywhere in a clinic; a freed slot is offered to the first match.',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
