import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import type { ModuleTopic } from '../../requirements/role-requirements';
import type { ModuleVersion } from '../domain/module.state';

type CatalogDocument = ModuleVersion & { readonly _id: string };

/**
 * The catalog: one document per module holding its current version (what staff take and
 * completions are scored against), written after each append to the module's stream.
 * Guarded by version: a slower writer of an older version changes nothing.
 */
@Injectable()
export class CatalogProjection {
  private readonly catalog: mongo.Collection<CatalogDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.catalog = connection.collection<CatalogDocument>('training_catalog');
  }

  async save(module: ModuleVersion): Promise<void> {
    await this.catalog
      .updateOne(
        { _id: module.moduleId, version: { $lt: module.version } },
        { $set: module },
        { upsert: true },
      )
      .catch((error: { code?: number }) => {
        // The document is already at this version or later: another writer got there first.
        if (error.code !== 11000) throw error;
      });
  }

  async list(): Promise<ModuleVersion[]> {
    const documents = await this.catalog.find({}).sort({ moduleCode: 1 }).limit(1000).toArray();
    return documents.map(({ _id, ...module }) => module);
  }

  /** The catalog's modules of these topics: one per topic, the last created if several. */
  async forTopics(topics: readonly ModuleTopic[]): Promise<ModuleVersion[]> {
    const modules = await this.list();
    return topics.flatMap((topic) => modules.filter((m) => m.topic === topic).slice(-1));
  }
}
