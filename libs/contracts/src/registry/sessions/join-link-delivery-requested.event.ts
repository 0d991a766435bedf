import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, participantRole, uuid } from '../../schemas/common-fields.schema';
import { encryptedField } from '../../schemas/encrypted-field.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_ENCRYPTED, EXAMPLE_IDS as ids } from '../example-ids';

/**
 * The signed link is a bearer credential. It goes to whoever delivers it sealed under the
 * patient's key (bound to record `Session`, field `joinLink`), so the topic never carries a
 * usable link and erasing the patient makes every copy unreadable.
 */
const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'sessionId',
    'appointmentId',
    'patientId',
    'linkId',
    'participantId',
    'role',
    'link',
    'visitStart',
    'expiresAt',
    'deliver',
    'requestedAt',
  ],
  properties: {
    sessionId: uuid,
    appointmentId: uuid,
    patientId: { ...uuid, description: 'The patient of the visit, whose key seals the link.' },
    linkId: uuid,
    participantId: uuid,
    role: participantRole,
    link: { ...encryptedField, description: 'The join URL, encrypted.' },
    visitStart: dateTime,
    expiresAt: dateTime,
    deliver: {
      type: 'string',
      enum: ['before-visit', 'now'],
      description:
        'before-visit: at the configured lead time before the start; now: a coordinator sent a new link.',
    },
    requestedAt: dateTime,
  },
} as const satisfies JSONSchema;

export type JoinLinkDeliveryRequestedV1 = EventData<typeof schema>;

const example: JoinLinkDeliveryRequestedV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  patientId: ids.patientId,
  linkId: ids.linkId,
  participantId: ids.patientId,
  role: 'patient',
  link: { ...EXAMPLE_ENCRYPTED, v: 2 },
  visitStart: '2026-03-09T13:00:00Z',
  expiresAt: '2026-03-09T14:00:00Z',
  deliver: 'before-visit',
  requestedAt: '2026-03-02T14:12:06Z',
};

export const joinLinkDeliveryRequestedV1 = {
  type: 'thc.sessions.JoinLinkDeliveryRequested.v1',
  stream: 'session',
  summary:
    "A participant's join link (sealed) is to be delivered to them, before the visit or now; the notifications service sends it.",
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
