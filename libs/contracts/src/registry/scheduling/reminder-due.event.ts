import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid, visitType } from '../../schemas/common-fields.schema';
import { encryptedField } from '../../schemas/encrypted-field.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids, EXAMPLE_ENCRYPTED } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'appointmentId',
    'reminderId',
    'patientId',
    'channel',
    'contact',
    'visitType',
    'appointmentStart',
    'offsetMinutes',
    'dueAt',
  ],
  properties: {
    appointmentId: uuid,
    reminderId: uuid,
    patientId: uuid,
    channel: { type: 'string', enum: ['sms', 'email', 'voice'] },
    // The notification service needs the address itself; it is PHI, so it travels encrypted.
    contact: { ...encryptedField, description: 'Phone number or e-mail address, encrypted.' },
    visitType,
    appointmentStart: dateTime,
    offsetMinutes: {
      type: 'integer',
      minimum: 1,
      description: 'How long before the start this reminder is due (a configured offset).',
    },
    dueAt: dateTime,
  },
} as const satisfies JSONSchema;

export type ReminderDueV1 = EventData<typeof schema>;

const example: ReminderDueV1 = {
  appointmentId: ids.appointmentId,
  reminderId: ids.reminderId,
  patientId: ids.patientId,
  channel: 'sms',
  contact: EXAMPLE_ENCRYPTED,
  visitType: 'video',
  appointmentStart: '2026-03-09T09:00:00-04:00',
  offsetMinutes: 1440,
  dueAt: '2026-03-08T09:00:00-04:00',
};

export const reminderDueV1 = {
  type: 'thc.scheduling.ReminderDue.v1',
  stream: 'appointment',
  summary: 'A reminder for an appointment fell due; the notification integration delivers it.',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
