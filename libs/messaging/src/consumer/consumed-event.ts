import { CloudEventAttributes } from '@thc/contracts';

/** An event as a handler receives it: CloudEvents attributes, parsed data, and its Kafka origin. */
export interface ConsumedEvent<TData = unknown> extends CloudEventAttributes {
  readonly data: TData;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** The message key, i.e. the stream id the producer partitioned by. */
  readonly key?: string;
}

/** Stores the effect of one event; must be idempotent by event id (see `applyOnce`). */
export type EventHandler = (event: ConsumedEvent) => Promise<void>;

/**
 * Stores the effect of consecutive events of one partition at once (one bulk write, see
 * `applyOnceBulk`). Must be idempotent per event: when it fails, the same events are handled
 * again one at a time to find the one that fails.
 */
export type BatchEventHandler = (events: readonly ConsumedEvent[]) => Promise<void>;

/** Why an event breaks its contract (e.g. `validateEvent` of @thc/contracts), or undefined. */
export type EventValidator = (event: ConsumedEvent) => string | undefined;
