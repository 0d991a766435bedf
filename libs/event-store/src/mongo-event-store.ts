import { randomUUID } from 'node:crypto';
import { Connection, Model } from 'mongoose';
import { ConcurrencyError } from './concurrency.error';
import { EventDocument, eventDocumentSchema } from './event-document.schema';
import { ExpectedVersion, NewEvent, StoredEvent } from './stored-event';

export interface EventStoreOptions {
  /** Collection holding the events of this service; default `events`. */
  readonly collection?: string;
  /** Clock, injectable so tests control recordedAt. */
  readonly now?: () => Date;
}

export interface AppendResult {
  readonly nextExpectedVersion: number;
  readonly events: readonly StoredEvent[];
}

const DUPLICATE_KEY = 11000;

/** Event streams in MongoDB with optimistic concurrency on (streamId, version). */
export class MongoEventStore {
  readonly model: Model<EventDocument>;
  private readonly now: () => Date;

  constructor(connection: Connection, options: EventStoreOptions = {}) {
    const collection = options.collection ?? 'events';
    this.model =
      (connection.models[collection] as Model<EventDocument> | undefined) ??
      connection.model<EventDocument>(collection, eventDocumentSchema, collection);
    this.now = options.now ?? (() => new Date());
  }

  /** Creates the indexes the store relies on; call once at start-up. */
  async init(): Promise<void> {
    await this.model.createIndexes();
  }

  async currentVersion(streamId: string): Promise<number> {
    const last = await this.model
      .findOne({ streamId }, { version: 1 })
      .sort({ version: -1 })
      .lean()
      .exec();
    return last?.version ?? 0;
  }

  async append(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
  ): Promise<AppendResult> {
    const current = typeof expected === 'number' ? expected : await this.currentVersion(streamId);
    this.checkExpectation(streamId, expected, current);
    if (events.length === 0) return { nextExpectedVersion: current, events: [] };

    const recordedAt = this.now();
    const documents: EventDocument[] = events.map((event, index) => ({
      _id: event.id ?? randomUUID(),
      streamId,
      version: current + index + 1,
      type: event.type,
      data: event.data,
      metadata: { ...(event.metadata ?? {}) } as Record<string, string>,
      recordedAt,
      pending: true,
    }));
    if (typeof expected === 'number' && expected > 0 && !(await this.hasVersion(streamId, expected))) {
      throw new ConcurrencyError(streamId, expected, await this.currentVersion(streamId));
    }
    try {
      // Ordered insert: the first document claims version current+1 on the unique index, so
      // a concurrent writer with the same expectation fails there and writes nothing.
      await this.model.collection.insertMany(documents as never[], { ordered: true });
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConcurrencyError(streamId, expected, 'unknown');
      throw error;
    }
    return { nextExpectedVersion: current + events.length, events: documents.map(toStoredEvent) };
  }

  async load(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    const documents = await this.model
      .find({ streamId, version: { $gte: fromVersion } })
      .sort({ version: 1 })
      .lean<EventDocument[]>()
      .exec();
    return documents.map(toStoredEvent);
  }

  private checkExpectation(streamId: string, expected: ExpectedVersion, current: number): void {
    if (expected === 'noStream' && current !== 0) throw new ConcurrencyError(streamId, expected, current);
    if (expected === 'exists' && current === 0) throw new ConcurrencyError(streamId, expected, current);
  }

  private async hasVersion(streamId: string, version: number): Promise<boolean> {
    return (await this.model.exists({ streamId, version })) !== null;
  }
}

export function toStoredEvent(document: EventDocument): StoredEvent {
  return {
    id: document._id,
    streamId: document.streamId,
    version: document.version,
    type: document.type,
    data: document.data,
    metadata: document.metadata ?? {},
    recordedAt: document.recordedAt,
  };
}

function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { code?: number; writeErrors?: { code?: number }[] };
  return candidate.code === DUPLICATE_KEY || (candidate.writeErrors ?? []).some((e) => e.code === DUPLICATE_KEY);
}
