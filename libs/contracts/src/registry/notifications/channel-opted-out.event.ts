import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { notificationChannel } from './notification-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'patientId', 'channel', 'source', 'optedOutAt'],
  properties: {
    personId: uuid,
    patientId: uuid,
    channel: notificationChannel,
    source: {
      type: 'string',
      enum: ['stop-reply', 'unsubscribe-link', 'staff', 'patient'],
      description: 'How the person said it: a STOP reply to an SMS, a link, or through staff.',
    },
    optedOutAt: dateTime,
  },
} as const satisfies JSONSchema;

export type ChannelOptedOutV1 = EventData<typeof schema>;

const example: ChannelOptedOutV1 = {
  personId: ids.patientId,
  patientId: ids.patientId,
  channel: 'sms',
  source: 'stop-reply',
  optedOutAt: '2026-03-03T18:20:00Z',
};

export const channelOptedOutV1 = {
  type: 'thc.notifications.ChannelOptedOut.v1',
  stream: 'contactPreferences',
  summary:
    'A person asked not to be contacted on a channel any more (a STOP reply ends SMS); nothing more is sent there until they opt in again.',
  schema,
  example,
} as const satisfies EventDefinition<'notifications'>;
