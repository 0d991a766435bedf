import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, timeZone, uuid, visitType } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'waitlistEntryId',
    'offerId',
    'patientId',
    'providerId',
    'clinicId',
    'visitType',
    'start',
    'end',
    'timeZone',
    'offeredAt',
    'expiresAt',
  ],
  properties: {
    waitlistEntryId: uuid,
    offerId: uuid,
    patientId: uuid,
    providerId: uuid,
    clinicId: uuid,
    visitType,
    start: dateTime,
    end: dateTime,
    timeZone,
    offeredAt: dateTime,
    expiresAt: { ...dateTime, description: 'After this the slot goes to the next patient.' },
  },
} as const satisfies JSONSchema;

export type WaitlistSlotOfferedV1 = EventData<typeof schema>;

const example: WaitlistSlotOfferedV1 = {
  waitlistEntryId: ids.waitlistEntryId,
  offerId: ids.offerId,
  patientId: ids.patientId,
  providerId: ids.providerId,
  clinicId: ids.clinicId,
  visitType: 'video',
  start: '2026-03-12T15:00:00-04:00',
  end: '2026-03-12T15:30:00-04:00',
  timeZone: 'America/New_York',
  offeredAt: '2026-03-12T13:40:02Z',
  expiresAt: '2026-03-12T14:40:02Z',
};

export const waitlistSlotOfferedV1 = {
  type: 'thc.scheduling.WaitlistSlotOffered.v1',
  stream: 'waitlistEntry',
  summary: 'A freed slot was offered to a waitlisted patient, until it expires.',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
