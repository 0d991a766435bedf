import { Collection } from 'mongodb';
import { Connection, Model } from 'mongoose';
import { eventDocuments } from '../append/event-documents';
import { EventDocument, eventDocumentSchema } from '../event-document.schema';
import { EVENT_STORE_DEFAULTS } from '../event-store.options';
import { NewEvent } from '../stored-event';

/** One append whose place in its stream is already decided, as `append` would have made it. */
export interface ImportedAppend {
  readonly streamId: string;
  /** The stream's version before the append: its events become `base + 1`, `base + 2`, ... */
  readonly base: number;
  /** Ids are given, so that importing the same append again writes the same documents. */
  readonly events: readonly (NewEvent & { readonly id: string })[];
  /** When the append happened (the original time of its command), not when it is imported. */
  readonly recordedAt: Date;
}

export interface ImportResult {
  readonly inserted: number;
  /** Documents already stored (same event id, or same stream and version): left as they are. */
  readonly skipped: number;
}

export interface EventImportOptions {
  /** Collection holding the events of the service; default `events`, as the store's. */
  readonly collection?: string;
  /** Events per insert command; an append is never split over two. Default 500. */
  readonly batchSize?: number;
  /**
   * Insert commands in flight at once; default 2. Each stream keeps to one of them, so its
   * events are still inserted in order and an interrupted import leaves no gap in a stream.
   */
  readonly concurrency?: number;
}

const DUPLICATE_KEY = 11000;

/**
 * Writes appends whose stream versions are already known (a history generated elsewhere, for
 * example) in bulk: documents exactly as `MongoEventStore.append` stores them, pending for the
 * outbox, in unordered inserts of up to `batchSize` events. A document already stored is
 * skipped, so an import can be repeated or resumed. No expectation is checked: the caller owns
 * the streams it imports.
 *
 * Not for a store that is in use: readers judge a half-written append by its `recordedAt`, and
 * an imported one is old, so a relay reading while an append is half-written would take it for
 * abandoned and remove it (see the README's "Multi-event appends are all-or-nothing").
 */
export class EventImport {
  readonly model: Model<EventDocument>;
  private readonly events: Collection<EventDocument>;
  private readonly batchSize: number;
  private readonly concurrency: number;

  constructor(connection: Connection, options: EventImportOptions = {}) {
    const collection = options.collection ?? EVENT_STORE_DEFAULTS.collection;
    this.model =
      (connection.models[collection] as Model<EventDocument> | undefined) ??
      connection.model<EventDocument>(collection, eventDocumentSchema, collection);
    this.events = connection.collection<EventDocument>(collection);
    this.batchSize = options.batchSize ?? 500;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
  }

  /** Creates the store's indexes (the unique one on stream and version makes repeats skips). */
  async init(): Promise<void> {
    await this.model.createIndexes();
  }

  async write(appends: readonly ImportedAppend[]): Promise<ImportResult> {
    const lanes: ImportedAppend[][] = Array.from({ length: this.concurrency }, () => []);
    for (const append of appends) lanes[laneOf(append.streamId, lanes.length)].push(append);
    const results = await Promise.all(
      lanes.map(async (lane) => {
        let inserted = 0;
        let skipped = 0;
        for (const batch of batches(lane, this.batchSize)) {
          const result = await this.insert(batch);
          inserted += result.inserted;
          skipped += result.skipped;
        }
        return { inserted, skipped };
      }),
    );
    return {
      inserted: results.reduce((sum, r) => sum + r.inserted, 0),
      skipped: results.reduce((sum, r) => sum + r.skipped, 0),
    };
  }

  private async insert(documents: EventDocument[]): Promise<ImportResult> {
    try {
      await this.events.insertMany(documents, { ordered: false });
      return { inserted: documents.length, skipped: 0 };
    } catch (error) {
      const refused = duplicatesOnly(error);
      if (refused === undefined) throw error;
      return { inserted: documents.length - refused, skipped: refused };
    }
  }
}

/** A stream's lane: the same for all its appends, so they are inserted one after the other. */
function laneOf(streamId: string, lanes: number): number {
  let hash = 0;
  for (let i = 0; i < streamId.length; i++) hash = (hash * 31 + streamId.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}

/** Documents in groups of at most `size` events, each append whole in one group. */
function* batches(appends: readonly ImportedAppend[], size: number): Generator<EventDocument[]> {
  let batch: EventDocument[] = [];
  for (const append of appends) {
    // The history has no request whose trace it would continue.
    const documents = eventDocuments(
      append.streamId,
      append.base,
      append.events,
      append.recordedAt,
      () => ({}),
    );
    if (batch.length > 0 && batch.length + documents.length > size) {
      yield batch;
      batch = [];
    }
    batch.push(...documents);
  }
  if (batch.length > 0) yield batch;
}

/** How many documents an unordered insert refused, when every refusal was a duplicate key. */
function duplicatesOnly(error: unknown): number | undefined {
  const writeErrors = (error as { writeErrors?: unknown } | null)?.writeErrors;
  if (!Array.isArray(writeErrors) || writeErrors.length === 0) return undefined;
  const all = writeErrors as { code?: unknown }[];
  return all.every((e) => e.code === DUPLICATE_KEY) ? all.length : undefined;
}
