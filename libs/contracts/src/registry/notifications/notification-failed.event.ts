import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { MESSAGE_REQUIRED, messageFields, notificationChannel } from './notification-fields.schema';

/** Why a message was not sent; never a pretence that it was. */
export const NOTIFICATION_FAILURE_REASONS = [
  'no-contact-point',
  'no-consent',
  'opted-out',
  'channel-not-configured',
  'quiet-hours',
  'superseded',
  'expired',
  'erased',
  'retries-exhausted',
  'unrenderable',
] as const;

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [...MESSAGE_REQUIRED, 'reason', 'attempts', 'failedAt'],
  properties: {
    ...messageFields,
    channel: { ...notificationChannel, description: 'The channel tried, when one was.' },
    reason: {
      type: 'string',
      enum: NOTIFICATION_FAILURE_REASONS,
      description:
        'superseded: the visit was moved or cancelled before sending; quiet-hours: it could not wait until they ended; channel-not-configured: no SMS gateway is set up; unrenderable: the message lacks what its wording needs (a defect, never retried).',
    },
    detail: {
      type: 'string',
      maxLength: 500,
      description: "The server's or gateway's answer for the last attempt; never the content.",
    },
    attempts: { type: 'integer', minimum: 0 },
    failedAt: dateTime,
  },
} as const satisfies JSONSchema;

export type NotificationFailedV1 = EventData<typeof schema>;

const example: NotificationFailedV1 = {
  messageId: ids.reminderId,
  recipientId: ids.patientId,
  patientId: ids.patientId,
  recipientRole: 'patient',
  kind: 'reminder',
  appointmentId: ids.appointmentId,
  triggerEventId: ids.eventId,
  channel: 'sms',
  reason: 'channel-not-configured',
  detail: 'no SMS gateway is configured (NOTIFICATIONS_SMS_PROVIDER)',
  attempts: 0,
  failedAt: '2026-03-08T13:00:02Z',
};

export const notificationFailedV1 = {
  type: 'thc.notifications.NotificationFailed.v1',
  stream: 'notification',
  summary:
    'A message was not sent, and will not be, with the reason (no contact point or consent, quiet hours, a moved visit, no gateway, retries exhausted); at most one per message id and channel.',
  schema,
  example,
} as const satisfies EventDefinition<'notifications'>;
