import { Logger } from '@nestjs/common';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import type { PlannedMessage } from '../delivery/domain/planned-message';
import { MessageQueueStore } from '../delivery/infrastructure/message-queue.store';

/**
 * What the consumers that plan messages share: the messages an event plans go to the queue,
 * which keeps one per message id (so a redelivery plans nothing new), and an event that plans
 * nothing says why, at debug level.
 */
export abstract class PlanningConsumerHost extends EventConsumerHost {
  protected override readonly tuning = { lagRefreshMs: 0 };
  protected abstract readonly logger: Logger;

  protected constructor(private readonly queue: MessageQueueStore) {
    super();
  }

  protected async plan(messages: readonly PlannedMessage[]): Promise<void> {
    await Promise.all(messages.map((message) => this.queue.plan(message)));
  }

  protected skip(event: ConsumedEvent, why: string): void {
    this.logger.debug(`nothing planned from ${event.type} ${event.id}: ${why}`);
  }
}
