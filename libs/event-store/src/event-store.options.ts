import { Upcaster } from './upcaster';

export interface EventStoreOptions {
  /** Collection holding the events of this service; default `events`. */
  readonly collection?: string;
  /** Clock, injectable so tests control recordedAt and the age of unfinished appends. */
  readonly now?: () => Date;
  /** Applied to every event `load` returns; default: events as stored. */
  readonly upcast?: Upcaster;
  /**
   * An unfinished multi-event append older than this is taken to be abandoned by a writer
   * that died mid-insert, and is removed by the next append that collides with it. Must be
   * well above the longest insert and twice the clock skew between writers; default 30 s.
   */
  readonly abandonAfterMs?: number;
  /** Tries of one append that meets a moving stream (`any`, `exists`) or debris; default 20. */
  readonly maxAppendAttempts?: number;
  /** Streams whose latest version is remembered, to skip reads on append; default 10 000. */
  readonly knownHeads?: number;
}

export const EVENT_STORE_DEFAULTS = {
  collection: 'events',
  abandonAfterMs: 30_000,
  maxAppendAttempts: 20,
  knownHeads: 10_000,
} as const satisfies EventStoreOptions;
