import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Collection } from 'mongodb';
import { inspectCollision } from '../batches/inspect-collision';
import { ConcurrencyError } from '../concurrency.error';
import { DuplicateEventIdError } from '../duplicate-event-id.error';
import { EventDocument } from '../event-document.schema';
import { StreamReader } from '../reading/stream-reader';
import { ExpectedVersion, NewEvent, StoredEvent } from '../stored-event';
import { toStoredEvent } from '../to-stored-event';
import { refusedIndex } from './duplicate-key';
import { eventDocuments } from './event-documents';
import { KnownHeads } from './known-heads';

export interface AppendResult {
  readonly nextExpectedVersion: number;
  readonly events: readonly StoredEvent[];
}

export interface AppenderSettings {
  readonly now: () => Date;
  readonly abandonAfterMs: number;
  readonly maxAttempts: number;
}

// How far past the base a collision is examined before giving up on judging it.
const INSPECT_LIMIT = 1000;

/**
 * Appends with one ordered insertMany: its first document claims the next version on the
 * unique (streamId, version) index, so of two writers starting from the same version exactly
 * one gets in. Reads happen only to check an expectation nothing in memory vouches for, and
 * after a collision, to tell a moved stream from an append in flight or one abandoned.
 */
export class StreamAppender {
  constructor(
    private readonly events: Collection<EventDocument>,
    private readonly reader: StreamReader,
    private readonly heads: KnownHeads,
    private readonly settings: AppenderSettings,
  ) {}

  async append(
    streamId: string,
    expected: ExpectedVersion,
    newEvents: readonly NewEvent[],
  ): Promise<AppendResult> {
    assertExpectation(expected);
    // Ids are fixed once, so every try writes the same events.
    const events = newEvents.map((event) => ({ ...event, id: event.id ?? randomUUID() }));
    const ids = events.map((event) => event.id);
    const repeated = firstRepeated(ids);
    if (repeated !== undefined) throw new DuplicateEventIdError(streamId, repeated);
    let base = await this.startingVersion(streamId, expected);
    for (let attempt = 1; events.length > 0; attempt++) {
      const recordedAt = this.settings.now();
      const documents = eventDocuments(streamId, base, events, recordedAt);
      const refused = await this.insert(documents);
      if (refused === undefined) {
        await this.confirmKept(streamId, expected, ids, recordedAt);
        this.heads.remember(streamId, base + events.length);
        return { nextExpectedVersion: base + events.length, events: documents.map(toStoredEvent) };
      }
      await this.rejectStoredId(streamId, ids[refused]);
      base = await this.afterCollision(streamId, expected, base, attempt);
    }
    return { nextExpectedVersion: base, events: [] };
  }

  private async startingVersion(streamId: string, expected: ExpectedVersion): Promise<number> {
    const known = this.heads.get(streamId);
    if (expected === 'noStream' || expected === 0) {
      if (known !== undefined) throw await this.conflict(streamId, expected);
      return 0;
    }
    if (typeof expected === 'number') {
      if (known === expected) return expected;
      // Below a known complete version the stream has certainly moved; above it, or with
      // nothing known, one read shows whether `expected` ends a complete append. Without it
      // an expectation past the head would write behind a gap, where no reader looks.
      if (
        (known === undefined || known < expected) &&
        (await this.reader.endsCompleteAppend(streamId, expected))
      ) {
        return expected;
      }
      throw await this.conflict(streamId, expected);
    }
    // `any` and `exists` try from what is known; a collision reveals a stream that moved.
    const current = known ?? (await this.reader.currentVersion(streamId));
    if (expected === 'exists' && current === 0) throw new ConcurrencyError(streamId, expected, 0);
    return current;
  }

  /** Inserts in order; on a duplicate key, removes what this try wrote and says which document was refused. */
  private async insert(documents: EventDocument[]): Promise<number | undefined> {
    try {
      await this.events.insertMany(documents, { ordered: true });
      return undefined;
    } catch (error) {
      const refused = refusedIndex(error);
      if (refused === undefined) throw error;
      // Documents before the refused one were written: take them back, readers never saw
      // them (their append has no last document).
      const written = documents.slice(0, refused).map((document) => document._id);
      if (written.length > 0) await this.events.deleteMany({ _id: { $in: written } });
      return refused;
    }
  }

  private async rejectStoredId(streamId: string, id: string | undefined): Promise<void> {
    if (id !== undefined && (await this.events.findOne({ _id: id }, { projection: { _id: 1 } }))) {
      throw new DuplicateEventIdError(streamId, id);
    }
  }

  /** Decides what to try next after the index refused an append, or throws the conflict. */
  private async afterCollision(
    streamId: string,
    expected: ExpectedVersion,
    base: number,
    attempt: number,
  ): Promise<number> {
    const after = await this.reader.after(streamId, base, INSPECT_LIMIT + 1);
    const abandonedBefore = new Date(this.settings.now().getTime() - this.settings.abandonAfterMs);
    const finding = inspectCollision(
      after.slice(0, INSPECT_LIMIT),
      base,
      after.length > INSPECT_LIMIT,
      abandonedBefore,
    );
    const retriesFromHead = expected === 'any' || expected === 'exists';
    if (attempt >= this.settings.maxAttempts) throw await this.conflict(streamId, expected);
    switch (finding.kind) {
      case 'clear':
        return base;
      case 'abandoned':
        await this.events.deleteMany({ streamId, _id: { $in: [...finding.ids] } });
        return base;
      case 'moved':
        if (!retriesFromHead) throw await this.conflict(streamId, expected);
        return this.reader.currentVersion(streamId);
      case 'inFlight':
        if (!retriesFromHead) throw new ConcurrencyError(streamId, expected, 'unknown');
        // Let the append in flight finish rather than collide with it again at once.
        await sleep(5 * attempt + Math.random() * 10);
        return this.reader.currentVersion(streamId);
    }
  }

  /**
   * An insert slow enough for its append to look abandoned may have lost its first documents
   * to another writer's clean-up while it went on writing the rest. Then the append did not
   * happen: remove what is left of it and report a conflict.
   */
  private async confirmKept(
    streamId: string,
    expected: ExpectedVersion,
    ids: readonly string[],
    recordedAt: Date,
  ): Promise<void> {
    if (this.settings.now().getTime() - recordedAt.getTime() < this.settings.abandonAfterMs / 2)
      return;
    const kept = await this.events.countDocuments({ _id: { $in: [...ids] } });
    if (kept === ids.length) return;
    await this.events.deleteMany({ _id: { $in: [...ids] } });
    throw new ConcurrencyError(streamId, expected, 'unknown');
  }

  private async conflict(streamId: string, expected: ExpectedVersion): Promise<ConcurrencyError> {
    return new ConcurrencyError(streamId, expected, await this.reader.currentVersion(streamId));
  }
}

function assertExpectation(expected: ExpectedVersion): void {
  if (typeof expected === 'number' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new RangeError(
      `expected version must be a whole number from 0, or any, noStream, exists: ${expected}`,
    );
  }
}

function firstRepeated(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}
