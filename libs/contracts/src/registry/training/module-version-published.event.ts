import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { moduleCode, moduleTopic } from './training-fields.schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'moduleId',
    'moduleCode',
    'topic',
    'version',
    'title',
    'passMarkPercent',
    'maxAttempts',
    'requiresRetraining',
    'publishedAt',
    'publishedBy',
  ],
  properties: {
    moduleId: uuid,
    moduleCode,
    topic: moduleTopic,
    version: { type: 'integer', minimum: 1 },
    title: { type: 'string', minLength: 3, maxLength: 120 },
    passMarkPercent: { type: 'number', minimum: 0, maximum: 100 },
    maxAttempts: { type: 'integer', minimum: 1, maximum: 10 },
    requiresRetraining: {
      type: 'boolean',
      description: 'Staff who completed an earlier version must complete this one again.',
    },
    publishedAt: dateTime,
    publishedBy: actor,
  },
} as const satisfies JSONSchema;

export type ModuleVersionPublishedV1 = EventData<typeof schema>;

const example: ModuleVersionPublishedV1 = {
  moduleId: ids.moduleId,
  moduleCode: 'HIPAA-PRIVACY-SECURITY',
  topic: 'hipaa',
  version: 2,
  title: 'HIPAA privacy and security for virtual visits',
  passMarkPercent: 80,
  maxAttempts: 3,
  requiresRetraining: true,
  publishedAt: '2026-01-02T09:00:00Z',
  publishedBy: { kind: 'user', userId: ids.coordinatorId, role: 'trainer' },
};

export const moduleVersionPublishedV1 = {
  type: 'thc.training.ModuleVersionPublished.v1',
  stream: 'module',
  summary: 'A version of a training module entered the catalog; it may require retraining.',
  schema,
  example,
} as const satisfies EventDefinition<'training'>;
