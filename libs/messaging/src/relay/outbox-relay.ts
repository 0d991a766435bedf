import { Logger } from '@nestjs/common';
import { MongoEventStore, StoredEvent } from '@thc/event-store';
import { endSpan, startPublishSpan } from '@thc/observability';
import { Producer, TopicMessages } from 'kafkajs';
import { LeaseDocument, OutboxLease } from './outbox-lease';
import { BacklogSnapshot, OutboxMetrics } from './outbox-metrics';
import { outboxMessage, storedTraceContext } from './outbox-message';

export interface OutboxRelayOptions {
  /** CloudEvents source of this service, e.g. `/thc/scheduling`. */
  readonly source: string;
  readonly topic: string;
  /**
   * Topic of one event type; default `topic`. An event whose contract names a topic of its own
   * (PhiAccessed, on compliance's PHI-access topic) goes there, so consumers find each contract
   * on one channel whoever produced it, and its producers need no write on the context's topic.
   */
  readonly topicFor?: (eventType: string) => string;
  /** Names the lease and the metric series; relays of one outbox share it. Default: the topic. */
  readonly name?: string;
  /** Events per Kafka send; default 1000. */
  readonly batchSize?: number;
  /** Pause between passes that find the outbox empty; default 100 ms. */
  readonly pollIntervalMs?: number;
  /**
   * The lease that lets only one relay instance publish; default on with a 30 s TTL.
   * `false` only where a single instance is guaranteed (tools, some tests).
   */
  readonly lease?: { readonly ttlMs?: number; readonly owner?: string } | false;
}

/** What the relay needs of the event store: the outbox, and the collection for counts and the lease. */
export type RelayStore = Pick<
  MongoEventStore,
  'readPending' | 'markPublished' | 'outboxHead' | 'model'
>;

const LEASE_COLLECTION = 'outbox_leases';
const MAX_ERROR_BACKOFF_MS = 5000;
const STANDBY_POLL_MS = 1000;
/** The backlog gauge counts this far; a larger backlog reads as this many. */
const BACKLOG_GAUGE_CAP = 10_000;
const BACKLOG_GAUGE_TIMEOUT_MS = 2000;

/**
 * Publishes stored events that are still pending, in stream order, keyed by stream id, waits
 * for all in-sync replicas (idempotent producer, acks=all), then marks them published.
 * A crash between append and publish only delays an event (the next pass finds it pending);
 * a crash between publish and mark publishes it again, so delivery is at least once and
 * consumers deduplicate by `ce_id`. Only the holder of the outbox lease publishes, so two
 * instances never interleave their sends of one stream.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly name: string;
  private readonly lease?: OutboxLease;
  private readonly metrics: OutboxMetrics;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = true;
  private failures = 0;

  constructor(
    private readonly store: RelayStore,
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions,
  ) {
    this.name = options.name ?? options.topic;
    this.metrics = new OutboxMetrics(this.name, options.topic);
    if (options.lease !== false) {
      this.lease = new OutboxLease(store.model.db.collection<LeaseDocument>(LEASE_COLLECTION), {
        name: this.name,
        ...options.lease,
      });
    }
  }

  /** Whether this instance currently holds the outbox lease (always, without a lease). */
  get holdsLease(): boolean {
    return this.lease?.held ?? true;
  }

  /** One pass over the outbox; returns how many events were published (0 when not the lease holder). */
  async publishPending(): Promise<number> {
    const holder = this.lease ? await this.lease.ensureHeld() : true;
    this.metrics.leaseHeld(holder);
    if (!holder) return 0;
    const events = await this.store.readPending(this.options.batchSize ?? 1000);
    if (events.length === 0) return 0;
    const span = startPublishSpan({
      topic: this.options.topic,
      messageCount: events.length,
      carriers: events.map(storedTraceContext),
    });
    try {
      await this.producer.sendBatch({ acks: -1, topicMessages: this.byTopic(events) });
      await this.store.markPublished(events.map((event) => event.id));
    } catch (error) {
      endSpan(span, error);
      throw error;
    }
    endSpan(span);
    this.metrics.published(events.length);
    if (this.lease && !this.lease.held) {
      // The pass outlived the lease (a very slow send): another relay may have taken over and
      // published these events too. Consumers absorb the duplicates; the next pass re-claims.
      this.logger.warn(
        `outbox ${this.name}: lease expired during a pass of ${events.length} events`,
      );
    }
    return events.length;
  }

  private byTopic(events: readonly StoredEvent[]): TopicMessages[] {
    const topics = new Map<string, TopicMessages>();
    for (const event of events) {
      const topic = this.options.topicFor?.(event.type) ?? this.options.topic;
      const entry = topics.get(topic) ?? { topic, messages: [] };
      entry.messages.push(outboxMessage(event, this.options.source));
      topics.set(topic, entry);
    }
    return [...topics.values()];
  }

  /** Publishes in a loop until stopped: again at once after a pass that published, after a pause when idle. */
  start(): void {
    this.stopped = false;
    this.metrics.watchBacklog(() => this.backlog());
    void this.loop();
  }

  /** Stops after the pass in flight, so nothing is left sent but unmarked, then frees the lease. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    this.metrics.close();
    await this.lease?.release().catch((error: unknown) => {
      this.logger.warn(
        `could not release the ${this.name} lease (others wait for its expiry): ${String(error)}`,
      );
    });
  }

  /**
   * Pending events, counted up to `BACKLOG_GAUGE_CAP`, and the oldest among those, for the
   * backlog gauges: one bounded read per scrape, the same page the relay reads next, where a
   * count or a sort by time would read the whole backlog after a restart or an import.
   */
  async backlog(): Promise<BacklogSnapshot> {
    const head = await this.store.outboxHead(BACKLOG_GAUGE_CAP, BACKLOG_GAUGE_TIMEOUT_MS);
    return {
      pending: head.count,
      ...(head.oldestRecordedAt ? { oldestRecordedAt: head.oldestRecordedAt } : {}),
    };
  }

  private async loop(): Promise<void> {
    if (this.stopped) return;
    const idle = this.options.pollIntervalMs ?? 100;
    let next = idle;
    try {
      const pass = this.publishPending();
      this.running = pass;
      const published = await pass;
      // A standby asks for the lease less often: the holder renews long before it expires.
      next =
        published > 0 ? 0 : this.lease && !this.lease.held ? Math.max(idle, STANDBY_POLL_MS) : idle;
      this.failures = 0;
    } catch (error) {
      this.failures++;
      next = Math.min(MAX_ERROR_BACKOFF_MS, idle * 2 ** this.failures);
      this.logger.warn(
        `outbox ${this.name}: pass failed, retrying in ${next} ms: ${(error as Error).message}`,
      );
    }
    if (!this.stopped) this.timer = setTimeout(() => void this.loop(), next);
  }
}
