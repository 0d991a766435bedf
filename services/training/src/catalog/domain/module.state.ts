import type { ModuleTopic } from '../../requirements/role-requirements';

/** A module as staff take it: what a completion is scored against. */
export interface ModuleVersion {
  readonly moduleId: string;
  readonly moduleCode: string;
  readonly topic: ModuleTopic;
  readonly version: number;
  readonly title: string;
  readonly passMarkPercent: number;
  readonly maxAttempts: number;
}

export type ModuleState =
  { readonly status: 'none' } | { readonly status: 'published'; readonly current: ModuleVersion };

export const initialModuleState = (): ModuleState => ({ status: 'none' });
