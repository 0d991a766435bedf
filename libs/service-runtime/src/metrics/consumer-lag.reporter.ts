import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { KAFKA } from '@thc/messaging';
import { sharedGauge } from '@thc/observability';
import { Admin, Kafka } from 'kafkajs';
import { ConsumerStateTracker } from '../health/consumer-state.tracker';

// The consumer runtime's own series (same name and labels), so dashboards and alerts read one
// metric whether or not a consumer runs its periodic lag refresh.
const lag = sharedGauge({
  name: 'thc_consumer_lag',
  help: 'Messages between the committed offset and the end of the partition.',
  labelNames: ['group', 'topic', 'partition'],
});

const MIN_INTERVAL_MS = 5000;
const TIMEOUT_MS = 2000;

/**
 * Consumer lag per partition for every consumer group of this process, computed when
 * Prometheus scrapes (committed offsets against the partitions' end offsets), at most every
 * 5 s and within 2 s; a failed refresh keeps the previous values. Consumers that turn their own
 * periodic lag refresh off still report lag this way.
 */
@Injectable()
export class ConsumerLagReporter implements OnApplicationShutdown {
  private admin?: Admin;
  private last = 0;

  constructor(
    private readonly consumers: ConsumerStateTracker,
    @Optional() @Inject(KAFKA) private readonly kafka?: Kafka,
  ) {}

  async refresh(): Promise<void> {
    const groups = this.consumers.groups().filter((g) => g.topics.length > 0);
    if (!this.kafka || groups.length === 0 || Date.now() - this.last < MIN_INTERVAL_MS) return;
    this.last = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, TIMEOUT_MS)));
    await Promise.race([this.measure(this.kafka, groups).catch(() => undefined), timeout]);
    clearTimeout(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }

  private async measure(
    kafka: Kafka,
    groups: ReturnType<ConsumerStateTracker['groups']>,
  ): Promise<void> {
    if (!this.admin) {
      this.admin = kafka.admin();
      await this.admin.connect();
    }
    const admin = this.admin;
    const topics = [...new Set(groups.flatMap((g) => g.topics))];
    const ends = new Map(
      await Promise.all(topics.map(async (t) => [t, await admin.fetchTopicOffsets(t)] as const)),
    );
    for (const { group, topics: read } of groups) {
      for (const { topic, partitions } of await admin.fetchOffsets({
        groupId: group,
        topics: [...read],
      })) {
        for (const { partition, offset } of partitions) {
          const end = ends.get(topic)?.find((p) => p.partition === partition);
          if (!end) continue;
          const from = Number(offset) >= 0 ? Number(offset) : Number(end.low);
          lag.set(
            { group, topic, partition: String(partition) },
            Math.max(0, Number(end.high) - from),
          );
        }
      }
    }
  }
}
