import type { ModuleTopic } from '../../requirements/role-requirements';
import type { Actor } from './module.events';

/** Creates a module with its first version. */
export interface CreateModule {
  readonly type: 'CreateModule';
  readonly moduleId: string;
  readonly moduleCode: string;
  readonly topic: ModuleTopic;
  readonly title: string;
  readonly passMarkPercent: number;
  readonly maxAttempts: number;
  readonly at: string;
  readonly by: Actor;
}

/** Publishes the next version; what is not given is carried over from the current one. */
export interface PublishModuleVersion {
  readonly type: 'PublishModuleVersion';
  readonly moduleId: string;
  readonly title?: string;
  readonly passMarkPercent?: number;
  readonly maxAttempts?: number;
  readonly requiresRetraining: boolean;
  readonly at: string;
  readonly by: Actor;
}

export type ModuleCommand = CreateModule | PublishModuleVersion;
