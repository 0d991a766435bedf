import { sharedCounter, sharedGauge } from '@thc/observability';

/** Prometheus series of one consumer group, labelled by group and topic. */
export class ConsumerMetrics {
  private readonly handled = sharedCounter({
    name: 'thc_consumer_handled_total',
    help: 'Events whose effect the consumer stored (duplicates included: they are handled, as no-ops).',
    labelNames: ['group', 'topic'],
  });
  private readonly retries = sharedCounter({
    name: 'thc_consumer_retries_total',
    help: 'Handler failures followed by another attempt (transient database outages excluded).',
    labelNames: ['group', 'topic'],
  });
  private readonly deadLettered = sharedCounter({
    name: 'thc_consumer_dead_lettered_total',
    help: 'Messages sent to the dead-letter topic, by error type.',
    labelNames: ['group', 'topic', 'error_type'],
  });
  private readonly untrusted = sharedCounter({
    name: 'thc_consumer_untrusted_total',
    help: 'Messages refused (and dead-lettered) because their source or topic does not match the producer the contracts name for their type.',
    labelNames: ['group', 'topic', 'reason'],
  });
  private readonly paused = sharedGauge({
    name: 'thc_consumer_paused_partitions',
    help: 'Partitions paused because the database is unreachable.',
    labelNames: ['group', 'topic'],
  });
  private readonly lag = sharedGauge({
    name: 'thc_consumer_lag',
    help: 'Messages between the committed offset and the end of the partition.',
    labelNames: ['group', 'topic', 'partition'],
  });

  constructor(private readonly group: string) {}

  handledEvents(topic: string, count: number): void {
    this.handled.inc({ group: this.group, topic }, count);
  }

  retried(topic: string): void {
    this.retries.inc({ group: this.group, topic });
  }

  deadLetteredMessage(topic: string, errorType: string): void {
    this.deadLettered.inc({ group: this.group, topic, error_type: errorType });
  }

  /** `reason`: `wrong-source` or `wrong-topic`; a fixed set, never a value the sender chose. */
  untrustedMessage(topic: string, reason: string): void {
    this.untrusted.inc({ group: this.group, topic, reason });
  }

  partitionPaused(topic: string, paused: boolean): void {
    if (paused) this.paused.inc({ group: this.group, topic });
    else this.paused.dec({ group: this.group, topic });
  }

  partitionLag(topic: string, partition: number, lag: number): void {
    this.lag.set({ group: this.group, topic, partition: String(partition) }, lag);
  }
}
