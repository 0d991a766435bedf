import { Injectable } from '@nestjs/common';
import type { ModuleVersion } from '../domain/module.state';
import { CatalogProjection } from '../infrastructure/catalog.projection';

/** The catalog as staff and trainers read it: every module at its current version. */
@Injectable()
export class CatalogQuery {
  constructor(private readonly catalog: CatalogProjection) {}

  modules(): Promise<ModuleVersion[]> {
    return this.catalog.list();
  }
}
