import { Injectable, Logger } from '@nestjs/common';
import { Aggregate, AggregateRepository, EventMetadata, MongoEventStore } from '@thc/event-store';
import type { ProviderScheduleCommand } from '../domain/provider-schedule.commands';
import {
  providerScheduleDecider,
  ProviderScheduleDefined,
  ProviderScheduleState,
  providerScheduleStream,
} from '../domain/provider-schedule.decider';
import type { ProviderSchedule } from '../domain/schedule-rules';
import { providerScheduleCodec } from './provider-schedule.codec';
import { ProviderScheduleViews } from './provider-schedule-views.projection';

/** Provider schedules in the service's event store, one stream per provider. */
@Injectable()
export class ProviderScheduleRepository {
  private readonly aggregates: AggregateRepository<
    ProviderScheduleState,
    ProviderScheduleCommand,
    ProviderScheduleDefined
  >;

  private readonly logger = new Logger(ProviderScheduleRepository.name);

  constructor(
    store: MongoEventStore,
    private readonly views: ProviderScheduleViews,
  ) {
    this.aggregates = new AggregateRepository(store, providerScheduleDecider, {
      codec: providerScheduleCodec,
      // The schedule's view follows every append; one that fails to save is saved again by
      // the next read that misses it (`current`).
      afterAppend: async ({ after }) => {
        if (after.state.status === 'defined')
          await this.views.save(after.state.schedule, after.version);
      },
      onAfterAppendError: (error, streamId) =>
        this.logger.warn(`view of ${streamId} not saved: ${(error as Error).message}`),
    });
  }

  load(providerId: string): Promise<Aggregate<ProviderScheduleState>> {
    return this.aggregates.load(providerScheduleStream(providerId));
  }

  /** The schedule in force, from its view (saved from the stream when it has none yet). */
  async current(providerId: string): Promise<ProviderSchedule | undefined> {
    const viewed = await this.views.find(providerId);
    if (viewed) return viewed;
    const { state, version } = await this.load(providerId);
    if (state.status !== 'defined') return undefined;
    await this.views.save(state.schedule, version);
    return state.schedule;
  }

  /**
   * The schedules of several people in one read of their views; anyone without a view is read
   * from their stream (and their view saved), as `current` does.
   */
  async currentOfAll(ownerIds: readonly string[]): Promise<Map<string, ProviderSchedule>> {
    const found = await this.views.findAll(ownerIds);
    const missing = ownerIds.filter((id) => !found.has(id));
    for (const id of missing) {
      const schedule = await this.current(id);
      if (schedule) found.set(id, schedule);
    }
    return found;
  }

  /** Two coordinators saving at once: the later one decides again on what the first stored. */
  handle(
    command: ProviderScheduleCommand,
    metadata: EventMetadata,
    loaded?: Aggregate<ProviderScheduleState>,
  ) {
    return this.aggregates.handle(providerScheduleStream(command.providerId), command, {
      retryOnConflict: 2,
      metadata,
      ...(loaded ? { loaded } : {}),
    });
  }
}
