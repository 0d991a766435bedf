import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { assertValidEvent } from '@thc/contracts';
import { Aggregate, AggregateRepository, EventMetadata, MongoEventStore } from '@thc/event-store';
import { Connection, mongo } from 'mongoose';
import type { ModuleTopic } from '../../requirements/role-requirements';
import type { ModuleCommand } from '../domain/module.commands';
import { moduleDecider } from '../domain/module.decider';
import { ModuleEvent, moduleStreamId } from '../domain/module.events';
import type { ModuleState, ModuleVersion } from '../domain/module.state';

type CatalogDocument = ModuleVersion & { readonly _id: string };

/**
 * Module streams in the event store, and the catalog: one document per module holding its
 * current version (what staff take and completions are scored against).
 */
@Injectable()
export class ModuleRepository {
  private readonly aggregates: AggregateRepository<ModuleState, ModuleCommand, ModuleEvent>;
  private readonly catalog: mongo.Collection<CatalogDocument>;

  constructor(store: MongoEventStore, @InjectConnection() connection: Connection) {
    this.aggregates = new AggregateRepository(store, moduleDecider);
    this.catalog = connection.collection<CatalogDocument>('training_catalog');
  }

  async handle(
    command: ModuleCommand,
    metadata: EventMetadata,
  ): Promise<{ module: ModuleVersion; requiresRetraining: boolean }> {
    const handled = await this.aggregates.handle(moduleStreamId(command.moduleId), command, {
      metadata,
      retryOnConflict: 2,
    });
    for (const event of handled.events) assertValidEvent(event.type, event.data);
    const module = publishedOrFail(handled);
    await this.catalog
      .updateOne(
        { _id: module.moduleId, version: { $lt: module.version } },
        { $set: module },
        { upsert: true },
      )
      .catch((error: { code?: number }) => {
        if (error.code !== 11000) throw error;
      });
    return { module, requiresRetraining: handled.events.some((e) => e.data.requiresRetraining) };
  }

  /** The current version of a module, from its stream (the source of truth). */
  async current(moduleId: string): Promise<ModuleVersion | undefined> {
    const { state } = await this.aggregates.load(moduleStreamId(moduleId));
    return state.status === 'published' ? state.current : undefined;
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

function publishedOrFail({ state }: Aggregate<ModuleState>): ModuleVersion {
  if (state.status !== 'published') throw new Error('a handled module command left no module');
  return state.current;
}
