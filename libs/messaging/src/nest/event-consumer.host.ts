import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { EventHandler } from '../consumer/consumed-event';
import { EventConsumer } from '../consumer/event-consumer';
import { TopicNames } from './kafka.module';

/**
 * Base for a service's consumer provider: names its group and topics, implements `handle`,
 * and gets start on bootstrap and a draining stop on shutdown.
 */
export abstract class EventConsumerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: EventConsumer;
  protected abstract readonly groupId: string;
  protected abstract readonly topics: readonly string[];
  protected abstract handle: EventHandler;

  protected constructor(
    private readonly kafka: Kafka,
    private readonly names: TopicNames,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new EventConsumer(this.kafka, {
      groupId: this.names.group(this.groupId),
      topics: this.topics.map((t) => this.names.resolve(t)),
      handler: (event) => this.handle(event),
    });
    await this.consumer.start();
    new Logger(this.constructor.name).log(`consuming ${this.topics.join(', ')} as ${this.groupId}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
