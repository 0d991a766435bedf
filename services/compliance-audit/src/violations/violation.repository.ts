import { Injectable } from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import { Aggregate, AggregateRepository, HandleResult, MongoEventStore } from '@thc/event-store';
import { ViolationReviewCommand } from './domain/violation-review.commands';
import { violationReviewDecider } from './domain/violation-review.decider';
import { ViolationEvent, violationStreamId } from './domain/violation-review.events';
import { ViolationState } from './domain/violation-review.state';

/** Violation streams (detection and follow-up) in the service's event store. */
@Injectable()
export class ViolationRepository {
  private readonly aggregates: AggregateRepository<
    ViolationState,
    ViolationReviewCommand,
    ViolationEvent
  >;

  constructor(store: MongoEventStore) {
    // Every event is checked against its published contract before it is stored.
    const checked: Pick<MongoEventStore, 'append' | 'load'> = {
      load: (streamId, from) => store.load(streamId, from),
      append: (streamId, expected, events) => {
        for (const event of events) assertValidEvent(event.type, event.data);
        return store.append(streamId, expected, events);
      },
    };
    this.aggregates = new AggregateRepository(checked, violationReviewDecider);
  }

  load(violationId: string): Promise<Aggregate<ViolationState>> {
    return this.aggregates.load(violationStreamId(violationId));
  }

  /** Decides against the stream as stored; a concurrent step is decided again once. */
  handle(
    command: ViolationReviewCommand,
    actor: string,
  ): Promise<HandleResult<ViolationState, ViolationEvent>> {
    return this.aggregates.handle(violationStreamId(command.violationId), command, {
      retryOnConflict: 1,
      metadata: { actor },
    });
  }
}
