import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import {
  dateTime,
  nonNegativeInteger,
  participantRole,
  uuid,
} from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'appointmentId', 'outcome', 'endedAt', 'endedBy'],
  properties: {
    sessionId: uuid,
    appointmentId: uuid,
    outcome: {
      type: 'string',
      enum: [
        'completed',
        'patient-no-show',
        'provider-no-show',
        'ended-technical-failure',
        'cancelled',
      ],
    },
    startedAt: { ...dateTime, description: 'Absent when the visit never started.' },
    endedAt: dateTime,
    endedBy: actor,
    durationSeconds: {
      ...nonNegativeInteger,
      description:
        'Visit duration: seconds from SessionStarted to the end (absent if never started).',
    },
    audioOnly: { type: 'boolean', description: 'Some participant fell back to audio only.' },
    participantQuality: {
      type: 'array',
      description: 'Connection quality per participant over the whole visit.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['participantId', 'role', 'samples', 'meanMos', 'minMos', 'poorSamples', 'drops'],
        properties: {
          participantId: uuid,
          role: participantRole,
          samples: nonNegativeInteger,
          meanMos: { type: 'number', minimum: 1, maximum: 5 },
          minMos: { type: 'number', minimum: 1, maximum: 5 },
          meanPacketLossPercent: { type: 'number', minimum: 0, maximum: 100 },
          meanRttMs: { type: 'number', minimum: 0 },
          poorSamples: nonNegativeInteger,
          drops: { ...nonNegativeInteger, description: 'Times the participant was disconnected.' },
        },
      },
    },
  },
} as const satisfies JSONSchema;

export type SessionEndedV1 = EventData<typeof schema>;

const example: SessionEndedV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  outcome: 'completed',
  startedAt: '2026-03-09T13:01:10Z',
  endedAt: '2026-03-09T13:24:45Z',
  endedBy: { kind: 'user', userId: ids.providerId, role: 'provider' },
  durationSeconds: 1415,
  audioOnly: true,
  participantQuality: [
    {
      participantId: ids.patientId,
      role: 'patient',
      samples: 12,
      meanMos: 3.6,
      minMos: 2.4,
      meanPacketLossPercent: 1.8,
      meanRttMs: 260,
      poorSamples: 2,
      drops: 1,
    },
  ],
};

export const sessionEndedV1 = {
  type: 'thc.sessions.SessionEnded.v1',
  stream: 'session',
  summary:
    'The visit is over, with its outcome; scheduling records the appointment completed or a no-show.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
