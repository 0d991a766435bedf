import type { JSONSchema } from 'json-schema-to-ts';
import { uuid } from '../../schemas/common-fields.schema';

/** The channels a message goes out on. */
export const notificationChannel = {
  type: 'string',
  enum: ['email', 'sms'],
} as const satisfies JSONSchema;

/** What a message is for; its template follows from it (and the recipient's language). */
export const notificationKind = {
  type: 'string',
  enum: [
    'reminder',
    'booking-confirmation',
    'booking-changed',
    'booking-cancelled',
    'join-link',
    'waitlist-offer',
    'provider-running-late',
    'survey-invitation',
  ],
} as const satisfies JSONSchema;

/** Whom a message is addressed to, as a participant of the visit it is about. */
export const recipientRole = {
  type: 'string',
  enum: ['patient', 'caregiver', 'interpreter'],
} as const satisfies JSONSchema;

/**
 * Who a message is about and why it exists: ids only. The content itself (addresses, the
 * wording, the link) never travels in a delivery fact; the audit trail records who was contacted
 * on which channel, never what they were told.
 */
export const messageFields = {
  messageId: {
    ...uuid,
    description:
      'Derived from the trigger (event and recipient), so every instance names the same message alike.',
  },
  recipientId: {
    ...uuid,
    description: 'The person contacted: a patient, caregiver or interpreter.',
  },
  patientId: { ...uuid, description: 'The patient whose visit the message is about.' },
  recipientRole,
  kind: notificationKind,
  appointmentId: uuid,
  sessionId: uuid,
  triggerEventId: { ...uuid, description: 'The event the message answers.' },
} as const satisfies Record<string, JSONSchema>;

export const MESSAGE_REQUIRED = [
  'messageId',
  'recipientId',
  'patientId',
  'recipientRole',
  'kind',
  'triggerEventId',
] as const;
