import type { EventDataOf } from '@thc/contracts';

export const MODULE_VERSION_PUBLISHED = 'thc.training.ModuleVersionPublished.v1';

/** The module stream's only event: each version of the module, as the catalog published it. */
export interface ModuleVersionPublished {
  readonly type: typeof MODULE_VERSION_PUBLISHED;
  readonly data: EventDataOf<typeof MODULE_VERSION_PUBLISHED>;
}

export type ModuleEvent = ModuleVersionPublished;
export type Actor = ModuleVersionPublished['data']['publishedBy'];

export const moduleStreamId = (moduleId: string): string => `module-${moduleId}`;
