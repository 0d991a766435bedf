import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['waitlistEntryId', 'offerId', 'patientId', 'expiredAt'],
  properties: {
    waitlistEntryId: uuid,
    offerId: { ...uuid, description: 'The WaitlistSlotOffered offer that ran out.' },
    patientId: uuid,
    expiredAt: {
      ...dateTime,
      description: "When the offer ran out: its expiresAt, or the slot's start if that came first.",
    },
  },
} as const satisfies JSONSchema;

export type WaitlistOfferExpiredV1 = EventData<typeof schema>;

const example: WaitlistOfferExpiredV1 = {
  waitlistEntryId: ids.waitlistEntryId,
  offerId: ids.offerId,
  patientId: ids.patientId,
  expiredAt: '2026-03-12T14:40:02.000Z',
};

export const waitlistOfferExpiredV1 = {
  type: 'thc.scheduling.WaitlistOfferExpired.v1',
  stream: 'waitlistEntry',
  summary:
    'A slot offered to a waitlisted patient was not booked in time; it is offered to the next matching patient.',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
