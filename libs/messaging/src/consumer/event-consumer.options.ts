import { ConsumerConfig } from 'kafkajs';
import { BatchEventHandler, EventHandler, EventValidator } from './consumed-event';
import { isTransientInfrastructureError } from './error-classification';

interface ConsumerSettings {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a new group starts; default true (a new projection replays the topic). */
  readonly fromBeginning?: boolean;
  /** Failed attempts before a message goes to the dead-letter topic; default 5. */
  readonly maxAttempts?: number;
  /** First retry delay, doubled per attempt; default 100 ms. */
  readonly retryBaseDelayMs?: number;
  /** Cap of the retry and outage delays; default 10 s. */
  readonly retryMaxDelayMs?: number;
  /**
   * Contract check run before the handler (e.g. `(e) => validateEvent(e.type, e.data)`); a
   * message it rejects goes straight to the dead-letter topic, without retries.
   */
  readonly validate?: EventValidator;
  /** Errors that mean "infrastructure unreachable": pause and retry without counting attempts. */
  readonly isTransient?: (error: unknown) => boolean;
  /** Most events per batch handler call; default 500. */
  readonly maxBatchSize?: number;
  /** Partitions handled at once; default 1. Order within a partition is kept either way. */
  readonly partitionsConsumedConcurrently?: number;
  /** Longest time handled offsets stay uncommitted within a batch; default 1 s. */
  readonly commitIntervalMs?: number;
  /** Heartbeat period while handlers run; default 3 s (kafkajs' heartbeat interval). */
  readonly heartbeatIntervalMs?: number;
  /** Consumer lag refresh period; default 15 s, 0 turns the lag gauge off. */
  readonly lagRefreshMs?: number;
  /** Extra kafkajs consumer settings (session timeout, fetch sizes). */
  readonly kafka?: Omit<ConsumerConfig, 'groupId'>;
}

/**
 * How a consumer group is run. At least one of `handler` (one event at a time) and
 * `handleBatch` (consecutive events of a partition in one call) is required; with both,
 * `handler` isolates the failing event when a batch fails.
 */
export type EventConsumerOptions = ConsumerSettings &
  (
    | { readonly handler: EventHandler; readonly handleBatch?: BatchEventHandler }
    | { readonly handler?: EventHandler; readonly handleBatch: BatchEventHandler }
  );

/** The options with every default filled in. */
export interface ResolvedConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly fromBeginning: boolean;
  readonly handler: EventHandler;
  readonly handleBatch?: BatchEventHandler;
  readonly validate?: EventValidator;
  readonly isTransient: (error: unknown) => boolean;
  readonly maxAttempts: number;
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  readonly maxBatchSize: number;
  readonly partitionsConsumedConcurrently: number;
  readonly commitIntervalMs: number;
  readonly heartbeatIntervalMs: number;
  readonly lagRefreshMs: number;
  readonly kafka: Omit<ConsumerConfig, 'groupId'>;
}

export function resolveConsumerOptions(options: EventConsumerOptions): ResolvedConsumerOptions {
  const { handleBatch } = options;
  // Without a per-event handler, a one-event batch isolates the event that fails.
  const handler = options.handler ?? ((event) => (handleBatch as BatchEventHandler)([event]));
  return {
    groupId: options.groupId,
    topics: options.topics,
    fromBeginning: options.fromBeginning ?? true,
    handler,
    ...(handleBatch ? { handleBatch } : {}),
    ...(options.validate ? { validate: options.validate } : {}),
    isTransient: options.isTransient ?? isTransientInfrastructureError,
    maxAttempts: Math.max(1, options.maxAttempts ?? 5),
    retryBaseDelayMs: options.retryBaseDelayMs ?? 100,
    retryMaxDelayMs: options.retryMaxDelayMs ?? 10_000,
    maxBatchSize: Math.max(1, options.maxBatchSize ?? 500),
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
    commitIntervalMs: options.commitIntervalMs ?? 1000,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 3000,
    lagRefreshMs: options.lagRefreshMs ?? 15_000,
    kafka: options.kafka ?? {},
  };
}
