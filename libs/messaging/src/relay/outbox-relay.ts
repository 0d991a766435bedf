import { Logger } from '@nestjs/common';
import { toKafkaHeaders } from '@thc/contracts';
import { EventDocument, MongoEventStore } from '@thc/event-store';
import { Producer } from 'kafkajs';

export interface OutboxRelayOptions {
  /** CloudEvents source of this service, e.g. `/thc/scheduling`. */
  readonly source: string;
  readonly topic: string;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
}

/**
 * Publishes stored events that are still marked pending, in stream order, keyed by stream id,
 * then clears the mark. A crash between append and publish only delays the event: the next
 * pass finds it still pending. Publishing is at least once; consumers deduplicate by ce_id.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = true;

  constructor(
    private readonly store: MongoEventStore,
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions,
  ) {}

  /** One pass over the outbox; returns how many events were published. */
  async publishPending(): Promise<number> {
    const batch = await this.store.model
      .find({ pending: true })
      .sort({ streamId: 1, version: 1 })
      .limit(this.options.batchSize ?? 500)
      .lean<EventDocument[]>()
      .exec();
    if (batch.length === 0) return 0;
    await this.producer.send({
      topic: this.options.topic,
      acks: -1,
      messages: batch.map((event) => ({
        key: event.streamId,
        value: JSON.stringify(event.data),
        headers: toKafkaHeaders({
          id: event._id,
          source: this.options.source,
          type: event.type,
          subject: event.streamId,
          time: event.recordedAt.toISOString(),
          ...(event.metadata['traceparent'] ? { traceparent: event.metadata['traceparent'] } : {}),
          ...(event.metadata['tracestate'] ? { tracestate: event.metadata['tracestate'] } : {}),
        }),
      })),
    });
    await this.store.model.updateMany(
      { _id: { $in: batch.map((e) => e._id) } },
      { $unset: { pending: 1 }, $set: { publishedAt: new Date() } },
    );
    return batch.length;
  }

  start(): void {
    this.stopped = false;
    const loop = async (): Promise<void> => {
      if (this.stopped) return;
      let published = 0;
      try {
        this.running = this.publishPending();
        published = (await this.running) as number;
      } catch (error) {
        this.logger.warn(`outbox pass failed, retrying: ${(error as Error).message}`);
      }
      if (!this.stopped) {
        this.timer = setTimeout(() => void loop(), published > 0 ? 0 : (this.options.pollIntervalMs ?? 100));
      }
    };
    void loop();
  }

  /** Stops polling after the pass in flight, so nothing is left half-marked. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
