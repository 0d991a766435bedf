import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, nonNegativeInteger, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition, EventUpcaster } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { estimatedMos, qualityBand } from './connection-quality-band';

const v1Properties = {
  sessionId: uuid,
  participantId: uuid,
  sampledAt: dateTime,
  rttMs: { ...nonNegativeInteger, description: 'Round-trip time to the media server.' },
  jitterMs: nonNegativeInteger,
  packetLossPercent: { type: 'number', minimum: 0, maximum: 100 },
  bitrateKbps: nonNegativeInteger,
} as const satisfies Record<string, JSONSchema>;

const v1Required = [
  'sessionId',
  'participantId',
  'sampledAt',
  'rttMs',
  'jitterMs',
  'packetLossPercent',
  'bitrateKbps',
] as const;

const schemaV1 = {
  type: 'object',
  additionalProperties: false,
  required: v1Required,
  properties: v1Properties,
} as const satisfies JSONSchema;

// v2 adds the band, so analytics and the audio-only advice no longer each re-derive it.
const schemaV2 = {
  type: 'object',
  additionalProperties: false,
  required: [...v1Required, 'band'],
  properties: {
    ...v1Properties,
    band: {
      type: 'string',
      enum: ['good', 'fair', 'poor'],
      description: 'Quality band from rtt, jitter and loss (qualityBand in libs/contracts).',
    },
    mos: {
      type: 'number',
      minimum: 1,
      maximum: 5,
      description:
        'Mean opinion score 1-5: reported by the media client, else estimated (estimatedMos); absent on upcast v1 samples, where readers estimate it the same way.',
    },
  },
} as const satisfies JSONSchema;

export type ConnectionQualitySampledV1 = EventData<typeof schemaV1>;
export type ConnectionQualitySampledV2 = EventData<typeof schemaV2>;

const exampleV1: ConnectionQualitySampledV1 = {
  sessionId: ids.sessionId,
  participantId: ids.patientId,
  sampledAt: '2026-03-09T13:08:00Z',
  rttMs: 420,
  jitterMs: 38,
  packetLossPercent: 2.5,
  bitrateKbps: 640,
};

const exampleV2: ConnectionQualitySampledV2 = {
  ...exampleV1,
  band: qualityBand(exampleV1),
  mos: estimatedMos(exampleV1),
};

export const connectionQualitySampledV1 = {
  type: 'thc.sessions.ConnectionQualitySampled.v1',
  stream: 'session',
  summary: "A periodic sample of one participant's connection (round trip, jitter, loss, bitrate).",
  schema: schemaV1,
  example: exampleV1,
} as const satisfies EventDefinition<'sessions'>;

export const connectionQualitySampledV2 = {
  type: 'thc.sessions.ConnectionQualitySampled.v2',
  stream: 'session',
  summary: "A periodic sample of one participant's connection, with its quality band.",
  schema: schemaV2,
  example: exampleV2,
} as const satisfies EventDefinition<'sessions'>;

export const connectionQualitySampledV1ToV2 = {
  from: connectionQualitySampledV1.type,
  to: connectionQualitySampledV2.type,
  upcast: (data: ConnectionQualitySampledV1): ConnectionQualitySampledV2 => ({
    ...data,
    band: qualityBand(data),
  }),
} as const satisfies EventUpcaster<ConnectionQualitySampledV1, ConnectionQualitySampledV2>;
