import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { usState } from '../scheduling/directory/directory-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'appointmentId', 'refusedAt', 'reason', 'attemptedBy'],
  properties: {
    sessionId: uuid,
    appointmentId: uuid,
    refusedAt: dateTime,
    reason: {
      type: 'string',
      enum: [
        'consent-missing',
        'consent-revoked',
        'consent-expired',
        'session-closed',
        'patient-location-unconfirmed',
        'provider-not-licensed-in-patient-state',
      ],
    },
    attemptedBy: actor,
    patientState: {
      ...usState,
      description:
        'Where the patient confirmed they are, when the refusal is about licensure (a state is not a HIPAA identifier).',
    },
  },
} as const satisfies JSONSchema;

export type SessionStartRefusedV1 = EventData<typeof schema>;

const example: SessionStartRefusedV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  refusedAt: '2026-03-09T13:00:20Z',
  reason: 'consent-missing',
  attemptedBy: { kind: 'user', userId: ids.providerId, role: 'provider' },
};

// Recorded, not just rejected over HTTP: a refused start is evidence the consent and licensure
// rules held.
export const sessionStartRefusedV1 = {
  type: 'thc.sessions.SessionStartRefused.v1',
  stream: 'session',
  summary:
    'A start was refused: no active telehealth consent, no confirmed patient location, or a provider not licensed where the patient is.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
