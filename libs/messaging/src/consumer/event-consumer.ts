import { Logger } from '@nestjs/common';
import { deadLetterTopic } from '@thc/contracts';
import { Admin, Consumer, Kafka, Partitioners, Producer } from 'kafkajs';
import { ConsumerLagMonitor, PartitionLag } from './consumer-lag.monitor';
import { ConsumerMetrics } from './consumer-metrics';
import { DeadLetterPublisher } from './dead-letter';
import {
  EventConsumerOptions,
  resolveConsumerOptions,
  ResolvedConsumerOptions,
} from './event-consumer.options';
import { PartitionBatchProcessor } from './partition-batch.processor';

export {
  ContractViolationError,
  PoisonMessageError,
  ProvenanceViolationError,
} from './message-errors';
export type { EventConsumerOptions } from './event-consumer.options';

/** Longest wait between attempts to rejoin after kafkajs gave up on a consumer. */
const RESTART_MAX_DELAY_MS = 30_000;

/**
 * Runs one consumer group over kafkajs with manual commits: an offset is committed only after
 * the effect of its message is stored (or the message is dead-lettered), so a crash means
 * redelivery, never loss, and handlers are idempotent by event id (see `applyOnce`).
 * A failing message is retried with exponential backoff, then written to
 * `<topic>.dlq.<group>` with the error in headers, and the partition moves on. While the
 * database is unreachable the partition is paused and the message retried without counting
 * attempts. `stop()` lets the message in flight finish and commits it.
 */
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly options: ResolvedConsumerOptions;
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly metrics: ConsumerMetrics;
  private readonly lagMonitor: ConsumerLagMonitor;
  private readonly deadLetters: DeadLetterPublisher;
  private readonly shutdown = new AbortController();

  constructor(kafka: Kafka, options: EventConsumerOptions) {
    this.options = resolveConsumerOptions(options);
    this.consumer = kafka.consumer({
      allowAutoTopicCreation: true,
      // A stop waits for the fetch in flight; kafkajs' 5 s long poll would hold every shutdown.
      maxWaitTimeInMs: 1000,
      ...this.options.kafka,
      groupId: this.options.groupId,
    });
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.admin = kafka.admin();
    this.metrics = new ConsumerMetrics(this.options.groupId);
    this.lagMonitor = new ConsumerLagMonitor(
      this.admin,
      this.options.groupId,
      this.options.topics,
      this.metrics,
    );
    this.deadLetters = new DeadLetterPublisher(this.producer);
  }

  async start(): Promise<void> {
    await Promise.all([this.producer.connect(), this.admin.connect(), this.consumer.connect()]);
    await this.ensureDeadLetterTopics();
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.logger.error(
        `consumer ${this.options.groupId} crashed (restart: ${payload.restart}): ${payload.error.message}`,
      );
      // kafkajs gives up for good on errors it deems permanent, e.g. no group coordinator
      // while a broker restarts; the service must not stay deaf until someone restarts it.
      if (!payload.restart && !this.shutdown.signal.aborted) void this.restartAfterCrash();
    });
    await this.subscribeAndRun();
    if (this.options.lagRefreshMs > 0) this.lagMonitor.start(this.options.lagRefreshMs);
  }

  private async subscribeAndRun(): Promise<void> {
    await this.consumer.subscribe({
      topics: [...this.options.topics],
      fromBeginning: this.options.fromBeginning,
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) =>
        new PartitionBatchProcessor(payload, this.options, {
          deadLetters: this.deadLetters,
          metrics: this.metrics,
          shutdown: this.shutdown.signal,
        }).run(),
    });
  }

  /** Rejoins with the same consumer (committed offsets keep their place), backing off. */
  private async restartAfterCrash(): Promise<void> {
    for (let attempt = 1; !this.shutdown.signal.aborted; attempt += 1) {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(RESTART_MAX_DELAY_MS, 500 * 2 ** attempt)).unref(),
      );
      if (this.shutdown.signal.aborted) return;
      try {
        await this.consumer.disconnect().catch(() => undefined);
        await this.consumer.connect();
        await this.subscribeAndRun();
        this.logger.warn(`consumer ${this.options.groupId} restarted after a crash`);
        return;
      } catch (error) {
        this.logger.warn(
          `consumer ${this.options.groupId} restart ${attempt} failed: ${(error as Error).message}`,
        );
      }
    }
  }

  /** Finishes the message in flight, commits, leaves the group and closes the clients. */
  async stop(): Promise<void> {
    this.shutdown.abort();
    this.lagMonitor.stop();
    // kafkajs waits here for the batch in flight, which commits before returning.
    await this.consumer.disconnect();
    await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
  }

  /** Lag per partition as of the last refresh (for readiness checks). */
  lag(): readonly PartitionLag[] {
    return this.lagMonitor.current;
  }

  /** Lag per partition now. */
  refreshLag(): Promise<readonly PartitionLag[]> {
    return this.lagMonitor.refresh();
  }

  /**
   * Dead letters must be writable the moment a message fails; creating their topics up front
   * also works where the brokers do not create topics on first write.
   */
  private async ensureDeadLetterTopics(): Promise<void> {
    try {
      // Asking first: kafkajs logs an error for each topic that already exists.
      const existing = new Set(await this.admin.listTopics());
      const topics = this.options.topics
        .map((topic) => deadLetterTopic(topic, this.options.groupId))
        .filter((topic) => !existing.has(topic))
        .map((topic) => ({ topic }));
      if (topics.length > 0) await this.admin.createTopics({ topics, waitForLeaders: true });
    } catch (error) {
      this.logger.warn(
        `could not create dead-letter topics (${(error as Error).message}); relying on the cluster`,
      );
    }
  }
}
