import { Logger } from '@nestjs/common';
import { context as otelContext, trace } from '@opentelemetry/api';
import {
  endSpan,
  startConsumerBatchSpan,
  startConsumerSpan,
  TraceCarrier,
} from '@thc/observability';
import { EachBatchPayload, KafkaMessage } from 'kafkajs';
import { offsetAfter } from '../kafka/offsets';
import { backoffDelay, sleep } from './backoff';
import { ConsumedEvent } from './consumed-event';
import { ConsumerMetrics } from './consumer-metrics';
import { DeadLetter } from './dead-letter';
import { ResolvedConsumerOptions } from './event-consumer.options';
import { HeartbeatKeeper } from './heartbeat-keeper';
import { PartitionOutage } from './partition-outage';
import { asError, ProvenanceViolationError } from './message-errors';
import { planWork, WorkItem } from './work-plan';

export interface BatchProcessorPorts {
  readonly deadLetters: { publish(letter: DeadLetter): Promise<void> };
  readonly metrics: ConsumerMetrics;
  /** Aborted when the consumer stops: backoffs end at once and no further message starts. */
  readonly shutdown: AbortSignal;
}

type Outcome = 'done' | 'abandoned';
type Attempt = { readonly ok: true } | { readonly ok: false; readonly error: Error } | 'abandoned';

const ALWAYS = (): boolean => true;

/**
 * Works through one fetched batch of one partition, strictly in offset order:
 * valid events go to the handler (retried with backoff, then dead-lettered), invalid messages
 * straight to the dead-letter topic, and the offset after each finished message is committed
 * only once its effect is stored. A transient database outage pauses the partition and retries
 * the same message until it succeeds, without counting attempts. A stop or a rebalance lets the
 * message in flight finish, commits, and leaves the rest for whoever consumes next.
 */
export class PartitionBatchProcessor {
  private readonly logger = new Logger('EventConsumer');
  private readonly heartbeats: HeartbeatKeeper;
  private readonly topic: string;
  private readonly partition: number;
  private resolved?: string;
  private committed?: string;
  private lastCommitAt = Date.now();
  private readonly outage: PartitionOutage;

  constructor(
    private readonly payload: EachBatchPayload,
    private readonly options: ResolvedConsumerOptions,
    private readonly ports: BatchProcessorPorts,
  ) {
    this.topic = payload.batch.topic;
    this.partition = payload.batch.partition;
    this.heartbeats = new HeartbeatKeeper(payload.heartbeat, options.heartbeatIntervalMs);
    this.outage = new PartitionOutage(payload.pause, ports.metrics, this.topic, this.where());
  }

  async run(): Promise<void> {
    const { maxBatchSize, handleBatch, validate } = this.options;
    const items = planWork(
      this.topic,
      this.partition,
      this.payload.batch.messages,
      handleBatch ? maxBatchSize : 1,
      validate,
    );
    this.heartbeats.start();
    try {
      for (const item of items) {
        if (!this.mayContinue()) break;
        if ((await this.process(item)) === 'abandoned') break;
        const last =
          item.kind === 'rejected' ? item.message : item.messages[item.messages.length - 1];
        if (last) this.resolve(last.offset);
        if (Date.now() - this.lastCommitAt >= this.options.commitIntervalMs) await this.commit();
      }
    } finally {
      this.heartbeats.stop();
      this.outage.end();
      await this.commit();
    }
  }

  private process(item: WorkItem): Promise<Outcome> {
    if (item.kind === 'rejected') return this.deadLetter(item.message, item.error, 1);
    const [event] = item.events;
    const [message] = item.messages;
    if (this.options.handleBatch && item.events.length > 1)
      return this.processRun(item.events, item.messages);
    if (!event || !message) return Promise.resolve('done');
    return this.processOne(event, message);
  }

  /** A run through the batch handler; when it fails, each event again on its own. */
  private async processRun(
    events: readonly ConsumedEvent[],
    messages: readonly KafkaMessage[],
  ): Promise<Outcome> {
    const handleBatch = this.options.handleBatch;
    if (!handleBatch) throw new Error('processRun needs a batch handler');
    const span = startConsumerBatchSpan({
      topic: this.topic,
      partition: this.partition,
      group: this.options.groupId,
      messageCount: events.length,
      carriers: events.map(carrierOf),
      messages: events.map((event) => ({ key: event.key, eventId: event.id })),
    });
    const spanContext = trace.setSpan(otelContext.active(), span);
    const attempt = await this.untilReachable(() =>
      otelContext.with(spanContext, () => handleBatch(events)),
    );
    endSpan(span, attempt !== 'abandoned' && !attempt.ok ? attempt.error : undefined);
    if (attempt === 'abandoned') return 'abandoned';
    if (attempt.ok) {
      this.ports.metrics.handledEvents(this.topic, events.length);
      return 'done';
    }
    this.logger.warn(
      `${this.where()} batch of ${events.length} failed (${attempt.error.name}); handling its events one by one`,
    );
    for (const [index, event] of events.entries()) {
      const message = messages[index];
      if (!message || (index > 0 && !this.mayContinue())) return 'abandoned';
      if ((await this.processOne(event, message)) === 'abandoned') return 'abandoned';
      this.resolve(message.offset);
    }
    return 'done';
  }

  private async processOne(event: ConsumedEvent, message: KafkaMessage): Promise<Outcome> {
    const { span, context } = startConsumerSpan({
      topic: this.topic,
      partition: this.partition,
      offset: message.offset,
      group: this.options.groupId,
      ...(event.key !== undefined ? { key: event.key } : {}),
      eventId: event.id,
      eventType: event.type,
      carrier: carrierOf(event),
    });
    let failure: Error | undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        const result = await this.untilReachable(() =>
          otelContext.with(context, () => this.options.handler(event)),
        );
        if (result === 'abandoned') return 'abandoned';
        if (result.ok) {
          failure = undefined;
          this.ports.metrics.handledEvents(this.topic, 1);
          return 'done';
        }
        failure = result.error;
        if (attempt >= this.options.maxAttempts)
          return await this.deadLetter(message, failure, attempt);
        this.ports.metrics.retried(this.topic);
        span.addEvent('retry', { attempt, 'error.type': failure.name });
        this.logger.warn(
          `${this.where(message)} attempt ${attempt} failed (${failure.name}: ${failure.message}); retrying`,
        );
        await sleep(
          backoffDelay(attempt, this.options.retryBaseDelayMs, this.options.retryMaxDelayMs),
          this.ports.shutdown,
        );
        if (!this.mayContinue()) return 'abandoned';
      }
    } finally {
      endSpan(span, failure);
    }
  }

  private async deadLetter(
    message: KafkaMessage,
    error: Error,
    attempts: number,
  ): Promise<Outcome> {
    const letter: DeadLetter = {
      group: this.options.groupId,
      topic: this.topic,
      partition: this.partition,
      message,
      error,
      attempts,
      at: new Date(),
    };
    this.logger.warn(
      `${this.where(message)} dead-lettered after ${attempts} attempt(s): ${error.name}: ${error.message}`,
    );
    // The partition may only move on once the dead letter is safely written: any failure to
    // write it is retried like an outage.
    const written = await this.untilReachable(() => this.ports.deadLetters.publish(letter), ALWAYS);
    if (written === 'abandoned') return 'abandoned';
    if (!written.ok) throw written.error;
    this.ports.metrics.deadLetteredMessage(this.topic, error.name);
    if (error instanceof ProvenanceViolationError)
      this.ports.metrics.untrustedMessage(this.topic, error.reason);
    return 'done';
  }

  /**
   * Runs `work` until it succeeds or fails for a reason other than an outage. During an outage
   * the partition is paused (no more fetching for it) and the same work is retried with
   * backoff; these retries do not count toward the dead-letter attempts.
   */
  private async untilReachable(
    work: () => Promise<void>,
    isOutage = this.options.isTransient,
  ): Promise<Attempt> {
    for (let retry = 1; ; retry++) {
      try {
        await work();
        this.outage.end();
        return { ok: true };
      } catch (thrown) {
        const error = asError(thrown);
        if (!isOutage(error)) return { ok: false, error };
        this.outage.begin(error);
        await sleep(
          backoffDelay(retry, this.options.retryBaseDelayMs, this.options.retryMaxDelayMs),
          this.ports.shutdown,
        );
        if (!this.mayContinue()) return 'abandoned';
      }
    }
  }

  private mayContinue(): boolean {
    return (
      !this.ports.shutdown.aborted &&
      this.payload.isRunning() &&
      !this.payload.isStale() &&
      !this.heartbeats.partitionLost
    );
  }

  private resolve(offset: string): void {
    this.payload.resolveOffset(offset);
    this.resolved = offset;
  }

  private async commit(): Promise<void> {
    this.lastCommitAt = Date.now();
    const handled = this.resolved;
    if (handled === undefined || handled === this.committed) return;
    try {
      await this.payload.commitOffsetsIfNecessary({
        topics: [
          {
            topic: this.topic,
            partitions: [{ partition: this.partition, offset: offsetAfter(handled) }],
          },
        ],
      });
      this.committed = handled;
    } catch (error) {
      // Typically a rebalance: the next owner of the partition gets these messages again,
      // which idempotent handlers absorb.
      this.logger.warn(
        `${this.where()} commit of offset ${handled} failed: ${(error as Error).message}`,
      );
    }
  }

  private where(message?: KafkaMessage): string {
    return `${this.topic}[${this.partition}]${message ? `@${message.offset}` : ''} (${this.options.groupId})`;
  }
}

function carrierOf(event: ConsumedEvent): TraceCarrier {
  return {
    ...(event.traceparent ? { traceparent: event.traceparent } : {}),
    ...(event.tracestate ? { tracestate: event.tracestate } : {}),
  };
}
