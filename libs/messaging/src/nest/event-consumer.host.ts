import { Inject, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { validateEvent } from '@thc/contracts';
import { Kafka } from 'kafkajs';
import {
  BatchEventHandler,
  ConsumedEvent,
  EventHandler,
  EventValidator,
} from '../consumer/consumed-event';
import { PartitionLag } from '../consumer/consumer-lag.monitor';
import { EventConsumer } from '../consumer/event-consumer';
import { EventConsumerOptions } from '../consumer/event-consumer.options';
import { KAFKA, TopicNames } from './kafka.module';

/** Consumer settings a host may tune; group, topics and handlers come from the host itself. */
export type ConsumerTuning = Omit<
  EventConsumerOptions,
  'groupId' | 'topics' | 'handler' | 'handleBatch' | 'validate'
>;

/**
 * Base for a service's consumer provider: names its group and topics, implements `handle`
 * (and optionally `handleBatch`, `validate` and the `applies` list), and gets start on bootstrap
 * and a draining stop on shutdown (the message in flight finishes and is committed). The Kafka
 * client and topic names are injected into the base, so a consumer's constructor lists only
 * what it writes to. A consumer of a few known types extends `RoutedConsumerHost` instead.
 */
export abstract class EventConsumerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: EventConsumer;
  protected abstract readonly groupId: string;
  protected abstract readonly topics: readonly string[];
  protected abstract handle: EventHandler;
  /** Consecutive events of a partition in one call (bulk writes); `handle` isolates failures. */
  protected readonly handleBatch?: BatchEventHandler;
  /**
   * The event types this host applies, for a topic that carries others that are not its
   * business: only these are checked and reach `handle`; the rest are skipped (committed) whatever
   * their type or version, so a new event on the topic never dead-letters here. Unset: every
   * event is checked and handled.
   */
  protected readonly applies?: readonly string[];
  /**
   * Contract check before the handler; a rejected message goes straight to the dead-letter
   * topic. By default every event it applies must match its published JSON Schema (unknown
   * types too are refused), so a malformed or foreign message never reaches a handler.
   */
  protected readonly validate?: EventValidator = (event) =>
    this.skips(event) ? undefined : validateEvent(event.type, event.data);
  protected readonly tuning: ConsumerTuning = {};
  @Inject(KAFKA) private readonly kafka!: Kafka;
  @Inject(TopicNames) private readonly names!: TopicNames;

  async onApplicationBootstrap(): Promise<void> {
    const { handleBatch, validate } = this;
    this.consumer = new EventConsumer(this.kafka, {
      ...this.tuning,
      groupId: this.names.group(this.groupId),
      topics: this.topics.map((t) => this.names.resolve(t)),
      handler: (event) => (this.skips(event) ? Promise.resolve() : this.handle(event)),
      ...(handleBatch
        ? { handleBatch: (events) => handleBatch.call(this, this.appliedOf(events)) }
        : {}),
      ...(validate ? { validate: (event) => validate.call(this, event) } : {}),
    });
    await this.consumer.start();
    new Logger(this.constructor.name).log(`consuming ${this.topics.join(', ')} as ${this.groupId}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  /** The types this host applies; undefined for all. */
  protected appliedTypes(): readonly string[] | undefined {
    return this.applies;
  }

  private skips(event: ConsumedEvent): boolean {
    const applied = this.appliedTypes();
    return applied !== undefined && !applied.includes(event.type);
  }

  private appliedOf(events: readonly ConsumedEvent[]): readonly ConsumedEvent[] {
    return events.filter((event) => !this.skips(event));
  }

  /** Consumer lag per partition as of the last refresh, for readiness checks. */
  lag(): readonly PartitionLag[] {
    return this.consumer?.lag() ?? [];
  }
}
