import { Inject, Injectable, Optional } from '@nestjs/common';
import { KAFKA } from '@thc/messaging';
import { Consumer, Kafka } from 'kafkajs';

/** What readiness knows of one consumer group member of this process. */
interface ConsumerState {
  joined: boolean;
  stopped: boolean;
}

/**
 * Follows the consumers the service's Kafka client creates (every `EventConsumerHost`), from
 * kafkajs' own instrumentation events: a consumer is running once it has joined its group,
 * and stops running when it crashes (until it rejoins) or is stopped. Created before any
 * consumer starts (providers exist before the bootstrap hooks that start consumers run).
 */
@Injectable()
export class ConsumerStateTracker {
  private readonly states = new Map<Consumer, ConsumerState>();

  constructor(@Optional() @Inject(KAFKA) kafka?: Kafka) {
    if (!kafka) return;
    const create = kafka.consumer.bind(kafka);
    kafka.consumer = (config) => this.follow(create(config));
  }

  /** Consumers created, and those that are not running now (not yet joined, crashed, stopped). */
  snapshot(): { total: number; notRunning: number } {
    const states = [...this.states.values()];
    return {
      total: states.length,
      notRunning: states.filter((s) => !s.joined || s.stopped).length,
    };
  }

  private follow(consumer: Consumer): Consumer {
    const state: ConsumerState = { joined: false, stopped: false };
    this.states.set(consumer, state);
    const { GROUP_JOIN, CRASH, STOP, DISCONNECT } = consumer.events;
    consumer.on(GROUP_JOIN, () => Object.assign(state, { joined: true, stopped: false }));
    consumer.on(CRASH, () => (state.joined = false));
    consumer.on(STOP, () => (state.stopped = true));
    consumer.on(DISCONNECT, () => (state.stopped = true));
    return consumer;
  }
}
