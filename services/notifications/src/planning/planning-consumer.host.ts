import { Logger } from '@nestjs/common';
import { ConsumedEvent, RoutedConsumerHost } from '@thc/messaging';
import type { PlannedMessage } from '../delivery/domain/planned-message';
import { MessageQueue } from '../delivery/infrastructure/message-queue.projection';

/**
 * What the consumers that plan messages share: each routes the types it applies (`routes`,
 * every other type on its topic is skipped), the messages an event plans go to the queue, which
 * keeps one per message id (so a redelivery plans nothing new), and an event that plans nothing
 * says why, at debug level.
 */
export abstract class PlanningConsumerHost extends RoutedConsumerHost {
  protected override readonly tuning = { lagRefreshMs: 0 };
  protected abstract readonly logger: Logger;

  protected constructor(private readonly queue: MessageQueue) {
    super();
  }

  protected async plan(messages: readonly PlannedMessage[]): Promise<void> {
    await Promise.all(messages.map((message) => this.queue.plan(message)));
  }

  protected skip(event: ConsumedEvent, why: string): void {
    this.logger.debug(`nothing planned from ${event.type} ${event.id}: ${why}`);
  }
}
