import { UnprocessableEntityException } from '@nestjs/common';
import type { ModuleVersion } from '../catalog/domain/module.state';
import { ModuleRepository } from '../catalog/infrastructure/module.repository';

/** The module a request names, at its current version; 422 naming the field when unknown. */
export async function currentModule(
  modules: ModuleRepository,
  moduleId: string,
): Promise<ModuleVersion> {
  const module = await modules.current(moduleId);
  if (!module)
    throw new UnprocessableEntityException(`moduleId: no module ${moduleId} in the catalog`);
  return module;
}
