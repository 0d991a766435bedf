import { Logger } from '@nestjs/common';
import { Admin } from 'kafkajs';
import { ConsumerMetrics } from './consumer-metrics';

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** Messages after the group's committed offset (from the start of the log when none). */
  readonly lag: number;
}

/**
 * Consumer lag per partition, from the group's committed offsets and the partitions' end
 * offsets, refreshed on a timer and exported as a gauge (and to readiness checks).
 */
export class ConsumerLagMonitor {
  private readonly logger = new Logger(ConsumerLagMonitor.name);
  private timer?: NodeJS.Timeout;
  private latest: readonly PartitionLag[] = [];

  constructor(
    private readonly admin: Admin,
    private readonly group: string,
    private readonly topics: readonly string[],
    private readonly metrics: ConsumerMetrics,
  ) {}

  start(intervalMs: number): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The lag as of the last refresh. */
  get current(): readonly PartitionLag[] {
    return this.latest;
  }

  async refresh(): Promise<readonly PartitionLag[]> {
    try {
      const committed = await this.admin.fetchOffsets({
        groupId: this.group,
        topics: [...this.topics],
      });
      const lags: PartitionLag[] = [];
      for (const { topic, partitions } of committed) {
        const ends = new Map(
          (await this.admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]),
        );
        for (const { partition, offset } of partitions) {
          const end = ends.get(partition);
          if (!end) continue;
          const from = Number(offset) >= 0 ? Number(offset) : Number(end.low);
          const lag = Math.max(0, Number(end.high) - from);
          lags.push({ topic, partition, lag });
          this.metrics.partitionLag(topic, partition, lag);
        }
      }
      this.latest = lags;
    } catch (error) {
      // A broker hiccup must not break consumption; the gauge keeps its last values.
      this.logger.debug(`lag refresh failed: ${(error as Error).message}`);
    }
    return this.latest;
  }
}
