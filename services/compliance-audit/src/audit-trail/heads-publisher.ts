import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AUDIT_HEADS_KEY, AUDIT_HEADS_TOPIC } from '@thc/contracts';
import { KAFKA, TopicNames } from '@thc/messaging';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { AUDIT_SETTINGS, AuditSettings } from '../audit.settings';
import { Checkpoint } from './domain/checkpoint-signature';
import { appendHead } from './heads-file';

/**
 * Publishes every signed head off the database: appended to AUDIT_HEADS_FILE and sent to the
 * heads topic. In the background, one at a time and in order, so that a slow broker never holds
 * up the trail; a head that could not be published is logged (the next one supersedes it for
 * the tail, and the database keeps the checkpoint itself).
 */
@Injectable()
export class HeadsPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(HeadsPublisher.name);
  private queue: Promise<void> = Promise.resolve();
  private producer?: Producer;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly topics: TopicNames,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
  ) {}

  publish(heads: readonly Checkpoint[]): void {
    if (heads.length === 0) return;
    this.queue = this.queue.then(() => this.publishNow(heads));
  }

  /** Resolves once everything handed to `publish` so far is out (or has failed). */
  flush(): Promise<void> {
    return this.queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
    await this.producer?.disconnect();
  }

  private async publishNow(heads: readonly Checkpoint[]): Promise<void> {
    const file = this.settings.headsFile;
    if (file)
      for (const head of heads)
        await appendHead(file, head).catch((error: Error) =>
          this.logger.error(`audit head ${head.seq} not appended to ${file}: ${error.message}`),
        );
    try {
      if (!this.producer) {
        this.producer = this.kafka.producer({
          idempotent: true,
          maxInFlightRequests: 1,
          createPartitioner: Partitioners.DefaultPartitioner,
        });
        await this.producer.connect();
      }
      await this.producer.send({
        topic: this.topics.resolve(AUDIT_HEADS_TOPIC),
        acks: -1,
        messages: heads.map((head) => ({
          key: AUDIT_HEADS_KEY,
          value: JSON.stringify(head),
          headers: { 'content-type': 'application/json' },
        })),
      });
    } catch (error) {
      this.logger.error(
        `audit heads up to ${heads.at(-1)?.seq} not published: ${(error as Error).message}`,
      );
    }
  }
}
