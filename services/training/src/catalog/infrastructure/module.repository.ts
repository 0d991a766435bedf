import { Injectable, Logger } from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import { AggregateRepository, EventMetadata, MongoEventStore } from '@thc/event-store';
import type { ModuleCommand } from '../domain/module.commands';
import { moduleDecider } from '../domain/module.decider';
import { ModuleEvent, moduleStreamId } from '../domain/module.events';
import type { ModuleState, ModuleVersion } from '../domain/module.state';
import { CatalogProjection } from './catalog.projection';

/** What a module command left: the module's current version, and whether staff retake it. */
export interface ModuleHandled {
  readonly module: ModuleVersion;
  readonly requiresRetraining: boolean;
}

/**
 * Module streams in the event store; the catalog follows each append. Events are checked
 * against their contract before anything is appended.
 */
@Injectable()
export class ModuleRepository {
  private readonly logger = new Logger(ModuleRepository.name);
  private readonly aggregates: AggregateRepository<ModuleState, ModuleCommand, ModuleEvent>;

  constructor(store: MongoEventStore, catalog: CatalogProjection) {
    this.aggregates = new AggregateRepository(store, moduleDecider, {
      validate: (event) => assertValidEvent(event.type, event.data),
      afterAppend: async ({ after }) => {
        if (after.state.status === 'published') await catalog.save(after.state.current);
      },
      onAfterAppendError: (error, streamId) =>
        this.logger.warn(`catalog of ${streamId} not saved: ${(error as Error).message}`),
    });
  }

  async handle(command: ModuleCommand, metadata: EventMetadata): Promise<ModuleHandled> {
    const { state, events } = await this.aggregates.handle(
      moduleStreamId(command.moduleId),
      command,
      { metadata, retryOnConflict: 2 },
    );
    if (state.status !== 'published') throw new Error('a handled module command left no module');
    return {
      module: state.current,
      requiresRetraining: events.some((e) => e.data.requiresRetraining),
    };
  }

  /** The current version of a module, from its stream (the source of truth). */
  async current(moduleId: string): Promise<ModuleVersion | undefined> {
    const { state } = await this.aggregates.load(moduleStreamId(moduleId));
    return state.status === 'published' ? state.current : undefined;
  }
}
