import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'participantId', 'switchedAt', 'trigger'],
  properties: {
    sessionId: uuid,
    participantId: uuid,
    switchedAt: dateTime,
    trigger: {
      type: 'string',
      enum: ['poor-connection', 'device-failure', 'participant-choice'],
    },
  },
} as const satisfies JSONSchema;

export type SwitchedToAudioOnlyV1 = EventData<typeof schema>;

const example: SwitchedToAudioOnlyV1 = {
  sessionId: ids.sessionId,
  participantId: ids.patientId,
  switchedAt: '2026-03-09T13:10:05Z',
  trigger: 'poor-connection',
};

export const switchedToAudioOnlyV1 = {
  type: 'thc.sessions.SwitchedToAudioOnly.v1',
  stream: 'session',
  summary: 'A participant fell back to audio only; counts toward the audio-only fallback rate.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
