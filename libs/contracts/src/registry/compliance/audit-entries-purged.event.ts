import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, nonNegativeInteger, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'purgeId',
    'cutoff',
    'retentionYears',
    'purgedCount',
    'heldCount',
    'purgedAt',
    'purgedBy',
  ],
  properties: {
    purgeId: uuid,
    cutoff: {
      ...dateTime,
      description: 'Entries that happened before this instant were eligible.',
    },
    retentionYears: { type: 'integer', minimum: 6, maximum: 100 },
    purgedCount: { ...nonNegativeInteger, description: 'Entries reduced to tombstones.' },
    heldCount: { ...nonNegativeInteger, description: 'Eligible entries kept for a legal hold.' },
    firstSeq: { ...nonNegativeInteger, description: 'Lowest sequence number purged.' },
    lastSeq: { ...nonNegativeInteger, description: 'Highest sequence number purged.' },
    purgedRanges: {
      type: 'array',
      description:
        'Exactly the sequence numbers purged, as ascending inclusive runs: a tombstone outside them is tampering.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to'],
        properties: { from: nonNegativeInteger, to: nonNegativeInteger },
      },
    },
    purgedAt: dateTime,
    purgedBy: actor,
  },
} as const satisfies JSONSchema;

export type AuditEntriesPurgedV1 = EventData<typeof schema>;

const example: AuditEntriesPurgedV1 = {
  purgeId: '0b2d4f6a-8c1e-4a3c-9e5b-7d9f1b3d5f21',
  cutoff: '2020-03-02T00:00:00Z',
  retentionYears: 6,
  purgedCount: 1250,
  heldCount: 14,
  firstSeq: 1,
  lastSeq: 1264,
  purgedRanges: [
    { from: 1, to: 1120 },
    { from: 1135, to: 1264 },
  ],
  purgedAt: '2026-03-02T00:00:05Z',
  purgedBy: { kind: 'user', userId: '0c1e3a5b-7d9f-4b2d-8f4a-6c8e1a3b5d22', role: 'admin' },
};

export const auditEntriesPurgedV1 = {
  type: 'thc.compliance.AuditEntriesPurged.v1',
  stream: 'auditRetention',
  summary:
    'Audit entries older than the retention period were reduced to hash-chain tombstones (legal holds kept).',
  schema,
  example,
} as const satisfies EventDefinition<'compliance'>;
