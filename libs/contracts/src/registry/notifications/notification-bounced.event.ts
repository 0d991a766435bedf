import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { MESSAGE_REQUIRED, messageFields, notificationChannel } from './notification-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [...MESSAGE_REQUIRED, 'channel', 'bouncedAt', 'detail'],
  properties: {
    ...messageFields,
    channel: notificationChannel,
    detail: {
      type: 'string',
      maxLength: 500,
      description:
        "The server's or gateway's answer (a 5xx reply, a delivery report); never the content.",
    },
    bouncedAt: dateTime,
  },
} as const satisfies JSONSchema;

export type NotificationBouncedV1 = EventData<typeof schema>;

const example: NotificationBouncedV1 = {
  messageId: ids.reminderId,
  recipientId: ids.patientId,
  patientId: ids.patientId,
  recipientRole: 'patient',
  kind: 'reminder',
  appointmentId: ids.appointmentId,
  triggerEventId: ids.eventId,
  channel: 'email',
  detail: '550 5.1.1 mailbox unavailable',
  bouncedAt: '2026-03-08T13:00:03Z',
};

export const notificationBouncedV1 = {
  type: 'thc.notifications.NotificationBounced.v1',
  stream: 'notification',
  summary:
    'The address refused a message for good (a permanent SMTP reply, or a delivery report from the gateway): the contact point needs correcting.',
  schema,
  example,
} as const satisfies EventDefinition<'notifications'>;
