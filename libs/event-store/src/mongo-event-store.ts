import { Collection } from 'mongodb';
import { Connection, Model } from 'mongoose';
import { KnownHeads } from './append/known-heads';
import { AppendResult, StreamAppender } from './append/stream-appender';
import { EventDocument, eventDocumentSchema } from './event-document.schema';
import { EVENT_STORE_DEFAULTS, EventStoreOptions } from './event-store.options';
import { Outbox, OutboxHead } from './outbox/outbox';
import { StreamReader } from './reading/stream-reader';
import { ExpectedVersion, NewEvent, StoredEvent } from './stored-event';

export type { AppendResult } from './append/stream-appender';
export type { EventStoreOptions } from './event-store.options';
export type { OutboxHead } from './outbox/outbox';

/**
 * Event streams in MongoDB, one document per event, with optimistic concurrency on the
 * unique (streamId, version) index. Multi-event appends are all-or-nothing as readers see
 * them, without transactions (see README). The stored events are also the outbox.
 */
export class MongoEventStore {
  readonly model: Model<EventDocument>;
  private readonly reader: StreamReader;
  private readonly appender: StreamAppender;
  private readonly outbox: Outbox;

  constructor(connection: Connection, options: EventStoreOptions = {}) {
    const collection = options.collection ?? EVENT_STORE_DEFAULTS.collection;
    this.model =
      (connection.models[collection] as Model<EventDocument> | undefined) ??
      connection.model<EventDocument>(collection, eventDocumentSchema, collection);
    // The driver's collection, not mongoose documents: appends and reads are on the hot path.
    const events: Collection<EventDocument> = connection.collection<EventDocument>(collection);
    const now = options.now ?? (() => new Date());
    const abandonAfterMs = options.abandonAfterMs ?? EVENT_STORE_DEFAULTS.abandonAfterMs;
    const heads = new KnownHeads(options.knownHeads ?? EVENT_STORE_DEFAULTS.knownHeads);
    this.reader = new StreamReader(events, heads, options.upcast ?? ((event) => event));
    this.appender = new StreamAppender(events, this.reader, heads, {
      now,
      abandonAfterMs,
      maxAttempts: options.maxAppendAttempts ?? EVENT_STORE_DEFAULTS.maxAppendAttempts,
    });
    this.outbox = new Outbox(events, now, abandonAfterMs);
  }

  /** Creates the indexes the store relies on; call once at start-up. */
  async init(): Promise<void> {
    await this.model.createIndexes();
  }

  /**
   * Appends `events` after checking `expected`: `any`, `noStream`, `exists`, or the exact
   * version readers see. Throws `ConcurrencyError` when the stream does not match, or another
   * append to it is in flight; `DuplicateEventIdError` when an event id is already stored.
   */
  append(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
  ): Promise<AppendResult> {
    return this.appender.append(streamId, expected, events);
  }

  /** The stream's events from `fromVersion` on, upcast; an unfinished append is left out. */
  load(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    return this.reader.load(streamId, fromVersion);
  }

  /** The last version readers see; 0 for a stream that does not exist. */
  currentVersion(streamId: string): Promise<number> {
    return this.reader.currentVersion(streamId);
  }

  /** Pending events for the relay: complete appends only, in (streamId, version) order, as stored. */
  readPending(limit = 500): Promise<StoredEvent[]> {
    return this.outbox.readPending(limit);
  }

  /** The next `limit` events the relay publishes: how many, and when the oldest was recorded. */
  outboxHead(limit: number, maxTimeMS: number): Promise<OutboxHead> {
    return this.outbox.head(limit, maxTimeMS);
  }

  /** Clears the outbox mark of published events and records when they were published. */
  markPublished(ids: readonly string[]): Promise<void> {
    return this.outbox.markPublished(ids);
  }
}

export { toStoredEvent } from './to-stored-event';
