import { Inject, Injectable, Optional } from '@nestjs/common';
import { KAFKA } from '@thc/messaging';
import { Consumer, Kafka } from 'kafkajs';

/** What readiness knows of one consumer group member of this process. */
interface ConsumerState {
  joined: boolean;
  stopped: boolean;
  readonly group: string;
  readonly topics: Set<string>;
}

/** A consumer group of this process and the topics it subscribed to. */
export interface TrackedGroup {
  readonly group: string;
  readonly topics: readonly string[];
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
    kafka.consumer = (config) => this.follow(create(config), config.groupId);
  }

  /** The groups of the consumers that are running, with their topics (for lag metrics). */
  groups(): TrackedGroup[] {
    const byGroup = new Map<string, Set<string>>();
    for (const state of this.states.values()) {
      if (state.stopped) continue;
      const topics = byGroup.get(state.group) ?? new Set<string>();
      state.topics.forEach((t) => topics.add(t));
      byGroup.set(state.group, topics);
    }
    return [...byGroup].map(([group, topics]) => ({ group, topics: [...topics] }));
  }

  /**
   * Consumers created, how many are not running now (not yet joined, crashed, stopped), and
   * the groups of those.
   */
  snapshot(): { total: number; notRunning: number; groupsNotRunning: string[] } {
    const states = [...this.states.values()];
    const idle = states.filter((s) => !s.joined || s.stopped);
    return {
      total: states.length,
      notRunning: idle.length,
      groupsNotRunning: [...new Set(idle.map((s) => s.group))],
    };
  }

  private follow(consumer: Consumer, group: string): Consumer {
    const state: ConsumerState = { joined: false, stopped: false, group, topics: new Set() };
    this.states.set(consumer, state);
    const subscribe = consumer.subscribe.bind(consumer);
    consumer.subscribe = (subscription) => {
      const named = 'topics' in subscription ? subscription.topics : [subscription.topic];
      named.forEach((t) => typeof t === 'string' && state.topics.add(t));
      return subscribe(subscription);
    };
    const { GROUP_JOIN, CRASH, STOP, DISCONNECT } = consumer.events;
    consumer.on(GROUP_JOIN, () => Object.assign(state, { joined: true, stopped: false }));
    consumer.on(CRASH, () => (state.joined = false));
    consumer.on(STOP, () => (state.stopped = true));
    consumer.on(DISCONNECT, () => (state.stopped = true));
    return consumer;
  }
}
