import { Injectable } from '@nestjs/common';
import { Aggregate, AggregateRepository, EventMetadata, MongoEventStore } from '@thc/event-store';
import type { ProviderScheduleCommand } from '../domain/provider-schedule.commands';
import {
  providerScheduleDecider,
  ProviderScheduleDefined,
  ProviderScheduleState,
  providerScheduleStream,
} from '../domain/provider-schedule.decider';
import { providerScheduleCodec } from './provider-schedule.codec';

/** Provider schedules in the service's event store, one stream per provider. */
@Injectable()
export class ProviderScheduleRepository {
  private readonly aggregates: AggregateRepository<
    ProviderScheduleState,
    ProviderScheduleCommand,
    ProviderScheduleDefined
  >;

  constructor(store: MongoEventStore) {
    this.aggregates = new AggregateRepository(store, providerScheduleDecider, {
      codec: providerScheduleCodec,
    });
  }

  load(providerId: string): Promise<Aggregate<ProviderScheduleState>> {
    return this.aggregates.load(providerScheduleStream(providerId));
  }

  /** Two coordinators saving at once: the later one decides again on what the first stored. */
  handle(command: ProviderScheduleCommand, metadata: EventMetadata) {
    return this.aggregates.handle(providerScheduleStream(command.providerId), command, {
      retryOnConflict: 2,
      metadata,
    });
  }
}
