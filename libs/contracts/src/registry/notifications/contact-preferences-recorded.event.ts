import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, localTime, timeZone, uuid } from '../../schemas/common-fields.schema';
import { encryptedField } from '../../schemas/encrypted-field.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_ENCRYPTED, EXAMPLE_IDS as ids } from '../example-ids';

/*
 * Contact points and the preferred language are PHI: sealed under the key of the patient the
 * person belongs to (their own, or, for a caregiver, the patient's), so erasing that patient
 * makes every copy unreadable. Quiet hours, the time zone and the consents are not identifiers
 * and travel in clear, so every instance can plan without opening anything.
 */
const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'patientId', 'consent', 'timeZone', 'recordedAt', 'recordedBy'],
  properties: {
    personId: { ...uuid, description: 'Whose contact points these are.' },
    patientId: {
      ...uuid,
      description:
        'The patient whose key seals them: the person themself, or the patient a caregiver cares for.',
    },
    email: { ...encryptedField, description: 'E-mail address, encrypted.' },
    mobile: { ...encryptedField, description: 'Mobile number in E.164, encrypted.' },
    preferredLanguage: {
      ...encryptedField,
      description: 'BCP 47 tag of the language to write in, encrypted.',
    },
    timeZone,
    quietHours: {
      type: 'object',
      additionalProperties: false,
      required: ['start', 'end'],
      description: 'No message that can wait is sent between start and end, local time.',
      properties: { start: localTime, end: localTime },
    },
    consent: {
      type: 'object',
      additionalProperties: false,
      required: ['byEmail', 'bySms'],
      description: 'Whether the person agreed to be contacted on each channel.',
      properties: { byEmail: { type: 'boolean' }, bySms: { type: 'boolean' } },
    },
    recordedAt: dateTime,
    recordedBy: actor,
  },
} as const satisfies JSONSchema;

export type ContactPreferencesRecordedV1 = EventData<typeof schema>;

const example: ContactPreferencesRecordedV1 = {
  personId: ids.patientId,
  patientId: ids.patientId,
  email: { ...EXAMPLE_ENCRYPTED, v: 2 },
  mobile: { ...EXAMPLE_ENCRYPTED, v: 2 },
  preferredLanguage: { ...EXAMPLE_ENCRYPTED, v: 2 },
  timeZone: 'America/New_York',
  quietHours: { start: '21:00', end: '08:00' },
  consent: { byEmail: true, bySms: true },
  recordedAt: '2026-03-02T14:00:00Z',
  recordedBy: { kind: 'user', userId: ids.coordinatorId, role: 'coordinator' },
};

export const contactPreferencesRecordedV1 = {
  type: 'thc.notifications.ContactPreferencesRecorded.v1',
  stream: 'contactPreferences',
  summary:
    "A person's contact points (sealed), language (sealed), time zone, quiet hours and per-channel consent now stand as stated (the whole record, latest wins).",
  schema,
  example,
} as const satisfies EventDefinition<'notifications'>;
