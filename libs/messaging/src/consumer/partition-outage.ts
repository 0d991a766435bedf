import { Logger } from '@nestjs/common';
import { ConsumerMetrics } from './consumer-metrics';

/**
 * The paused state of one partition while its handler's infrastructure is unreachable: the
 * partition stops fetching (kafkajs `pause`) until the message in hand gets through, and the
 * pause shows in the logs and in `thc_consumer_paused_partitions`.
 */
export class PartitionOutage {
  private readonly logger = new Logger('EventConsumer');
  private paused?: { readonly resume: () => void; readonly since: number };

  constructor(
    private readonly pause: () => () => void,
    private readonly metrics: ConsumerMetrics,
    private readonly topic: string,
    private readonly where: string,
  ) {}

  begin(error: Error): void {
    if (this.paused) return;
    this.paused = { resume: this.pause(), since: Date.now() };
    this.metrics.partitionPaused(this.topic, true);
    this.logger.warn(`${this.where} paused: ${error.name}: ${error.message}`);
  }

  end(): void {
    if (!this.paused) return;
    this.paused.resume();
    this.metrics.partitionPaused(this.topic, false);
    this.logger.log(`${this.where} resumed after ${Date.now() - this.paused.since} ms`);
    this.paused = undefined;
  }
}
