import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { eventDefinition } from '@thc/contracts';
import { EventStoreModule, MongoEventStore } from '@thc/event-store';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { OutboxRelay, OutboxRelayOptions } from '../relay/outbox-relay';
import { KAFKA, TopicNames } from './kafka.module';

const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

/** Runs the service's outbox relay for the lifetime of the application. */
@Injectable()
export class OutboxRelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private producer?: Producer;
  private relay?: OutboxRelay;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly store: MongoEventStore,
    private readonly topics: TopicNames,
    @Inject(RELAY_OPTIONS) private readonly options: OutboxRelayOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent with one request in flight: broker-side retries can neither duplicate nor
    // reorder a stream's events. The default partitioner is the Java client's murmur2, so
    // producers in any language put a stream on the same partition.
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await this.producer.connect();
    const topic = this.topics.resolve(this.options.topic);
    this.relay = new OutboxRelay(this.store, this.producer, {
      ...this.options,
      topic,
      name: this.options.name ?? topic,
      topicFor: (type) => this.topics.resolve(eventDefinition(type)?.topic ?? this.options.topic),
    });
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.producer?.disconnect();
  }
}

/** The outbox relay of a service: publishes its event store's pending events to its topic. */
@Module({})
export class OutboxRelayModule {
  static forService(options: OutboxRelayOptions): DynamicModule {
    return {
      module: OutboxRelayModule,
      imports: [EventStoreModule],
      providers: [{ provide: RELAY_OPTIONS, useValue: options }, OutboxRelayHost],
      exports: [OutboxRelayHost],
    };
  }
}
