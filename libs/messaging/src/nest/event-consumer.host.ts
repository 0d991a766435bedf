import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { validateEvent } from '@thc/contracts';
import { Kafka } from 'kafkajs';
import { BatchEventHandler, EventHandler, EventValidator } from '../consumer/consumed-event';
import { PartitionLag } from '../consumer/consumer-lag.monitor';
import { EventConsumer } from '../consumer/event-consumer';
import { EventConsumerOptions } from '../consumer/event-consumer.options';
import { TopicNames } from './kafka.module';

/** Consumer settings a host may tune; group, topics and handlers come from the host itself. */
export type ConsumerTuning = Omit<
  EventConsumerOptions,
  'groupId' | 'topics' | 'handler' | 'handleBatch' | 'validate'
>;

/**
 * Base for a service's consumer provider: names its group and topics, implements `handle`
 * (and optionally `handleBatch` and `validate`), and gets start on bootstrap and a draining
 * stop on shutdown (the message in flight finishes and is committed).
 */
export abstract class EventConsumerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: EventConsumer;
  protected abstract readonly groupId: string;
  protected abstract readonly topics: readonly string[];
  protected abstract handle: EventHandler;
  /** Consecutive events of a partition in one call (bulk writes); `handle` isolates failures. */
  protected readonly handleBatch?: BatchEventHandler;
  /**
   * Contract check before the handler; a rejected message goes straight to the dead-letter
   * topic. By default every event must match its published JSON Schema (unknown types too are
   * refused), so a malformed or foreign message never reaches a handler.
   */
  protected readonly validate?: EventValidator = (event) => validateEvent(event.type, event.data);
  protected readonly tuning: ConsumerTuning = {};

  protected constructor(
    private readonly kafka: Kafka,
    private readonly names: TopicNames,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { handleBatch, validate } = this;
    this.consumer = new EventConsumer(this.kafka, {
      ...this.tuning,
      groupId: this.names.group(this.groupId),
      topics: this.topics.map((t) => this.names.resolve(t)),
      handler: (event) => this.handle(event),
      ...(handleBatch ? { handleBatch: (events) => handleBatch.call(this, events) } : {}),
      ...(validate ? { validate: (event) => validate.call(this, event) } : {}),
    });
    await this.consumer.start();
    new Logger(this.constructor.name).log(`consuming ${this.topics.join(', ')} as ${this.groupId}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  /** Consumer lag per partition as of the last refresh, for readiness checks. */
  lag(): readonly PartitionLag[] {
    return this.consumer?.lag() ?? [];
  }
}
