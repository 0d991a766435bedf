import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { MESSAGE_REQUIRED, messageFields, notificationChannel } from './notification-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [...MESSAGE_REQUIRED, 'channel', 'attempt', 'sentAt'],
  properties: {
    ...messageFields,
    channel: notificationChannel,
    attempt: { type: 'integer', minimum: 1, description: 'Which attempt went through.' },
    providerMessageId: {
      type: 'string',
      maxLength: 200,
      description: "The SMTP server's or SMS gateway's id of the message, for tracing a bounce.",
    },
    sentAt: dateTime,
  },
} as const satisfies JSONSchema;

export type NotificationSentV1 = EventData<typeof schema>;

const example: NotificationSentV1 = {
  messageId: ids.reminderId,
  recipientId: ids.patientId,
  patientId: ids.patientId,
  recipientRole: 'patient',
  kind: 'reminder',
  appointmentId: ids.appointmentId,
  triggerEventId: ids.eventId,
  channel: 'email',
  attempt: 1,
  providerMessageId: `<${ids.reminderId}@thc.local>`,
  sentAt: '2026-03-08T13:00:02Z',
};

export const notificationSentV1 = {
  type: 'thc.notifications.NotificationSent.v1',
  stream: 'notification',
  summary:
    'A message was accepted by the SMTP server or SMS gateway for one person, on one channel (ids only, never the content); at most one per message id and channel.',
  schema,
  example,
} as const satisfies EventDefinition<'notifications'>;
