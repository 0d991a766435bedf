import { Injectable } from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import { AggregateRepository, MongoEventStore } from '@thc/event-store';
import { messageOutcomeDecider, MessageOutcomes } from '../domain/message-outcome.decider';
import { MessageOutcomeEvent, messageStreamId } from '../domain/message-outcome.events';

/**
 * Each message's outcomes in its own stream of the service's (relayed) event store. Appends
 * expect the version they decided on: two instances recording the same channel's outcome at
 * once cannot both succeed, and the one that reloads finds it decided.
 */
@Injectable()
export class MessageOutcomeRepository {
  private readonly aggregates: AggregateRepository<
    MessageOutcomes,
    { type: 'RecordOutcome'; event: MessageOutcomeEvent },
    MessageOutcomeEvent
  >;

  constructor(store: MongoEventStore) {
    this.aggregates = new AggregateRepository(store, messageOutcomeDecider, {
      // A command that decides an event its published contract refuses appends nothing.
      validate: (event) => assertValidEvent(event.type, event.data),
    });
  }

  async outcomes(messageId: string): Promise<MessageOutcomes> {
    return (await this.aggregates.load(messageStreamId(messageId))).state;
  }

  /** Records an outcome unless its channel already has one; answers whether it was recorded. */
  async record(event: MessageOutcomeEvent): Promise<boolean> {
    const handled = await this.aggregates.handle(
      messageStreamId(event.data.messageId),
      { type: 'RecordOutcome', event },
      {
        retryOnConflict: 3,
        metadata: { actor: 'notifications', causationId: event.data.triggerEventId },
      },
    );
    return handled.events.length > 0;
  }
}
