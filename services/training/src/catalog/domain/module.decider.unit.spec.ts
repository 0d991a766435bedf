import { deciderSpec } from '@thc/testing';
import { moduleDecider } from './module.decider';
import { ModuleStateError } from './module.errors';
import { MODULE_VERSION_PUBLISHED, ModuleEvent } from './module.events';

const given = deciderSpec(moduleDecider);
const moduleId = 'b3d5f7a9-2c4e-4f6b-8a1c-5e7a9c2d4b15';
const trainer = {
  kind: 'user',
  userId: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04',
  role: 'trainer',
} as const;

const create = {
  type: 'CreateModule',
  moduleId,
  moduleCode: 'HIPAA-PRIVACY-SECURITY',
  topic: 'hipaa',
  title: 'HIPAA privacy and security for virtual visits',
  passMarkPercent: 80,
  maxAttempts: 3,
  at: '2026-01-01T00:00:00.000Z',
  by: trainer,
} as const;

const v1: ModuleEvent = {
  type: MODULE_VERSION_PUBLISHED,
  data: {
    moduleId,
    moduleCode: 'HIPAA-PRIVACY-SECURITY',
    topic: 'hipaa',
    version: 1,
    title: create.title,
    passMarkPercent: 80,
    maxAttempts: 3,
    requiresRetraining: false,
    publishedAt: create.at,
    publishedBy: trainer,
  },
};

describe('CreateModule', () => {
  it('publishes version 1, which never requires retraining', () =>
    given([]).when(create).then([v1]));
  it('refuses an existing module', () => given([v1]).when(create).then(ModuleStateError));
});

describe('PublishModuleVersion', () => {
  const publish = {
    type: 'PublishModuleVersion',
    moduleId,
    passMarkPercent: 85,
    requiresRetraining: true,
    at: '2026-06-01T00:00:00.000Z',
    by: trainer,
  } as const;

  it('publishes the next version, carrying over what is unchanged', () =>
    given([v1])
      .when(publish)
      .then([
        {
          type: MODULE_VERSION_PUBLISHED,
          data: {
            ...v1.data,
            version: 2,
            passMarkPercent: 85,
            requiresRetraining: true,
            publishedAt: publish.at,
          },
        },
      ]));

  it('refuses a module that does not exist', () =>
    given([])
      .when(publish)
      .then(new ModuleStateError(`module ${moduleId} does not exist`)));
});
