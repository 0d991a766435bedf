import { Collection } from 'mongodb';
import { batchEndOf, batchStartOf } from '../batches/batch-position';
import { completeBatchPrefix } from '../batches/complete-batch-prefix';
import { EventDocument } from '../event-document.schema';
import { KnownHeads } from '../append/known-heads';
import { StoredEvent } from '../stored-event';
import { toStoredEvent } from '../to-stored-event';
import { Upcaster } from '../upcaster';

export const POSITION_FIELDS = {
  _id: 1,
  streamId: 1,
  version: 1,
  batchStart: 1,
  batchEnd: 1,
  recordedAt: 1,
} as const;
export type PositionDocument = Pick<EventDocument, keyof typeof POSITION_FIELDS>;

// Enough to reach back past an unfinished append at the end of a stream in one read.
const TAIL = 32;

/** Reads streams as readers must see them: complete appends only, never a trailing unfinished one. */
export class StreamReader {
  constructor(
    private readonly events: Collection<EventDocument>,
    private readonly heads: KnownHeads,
    private readonly upcast: Upcaster,
  ) {}

  async load(streamId: string, fromVersion: number): Promise<StoredEvent[]> {
    const documents = await this.events
      .find({ streamId, version: { $gte: fromVersion } })
      .sort({ version: 1 })
      .toArray();
    const visible = documents.slice(0, completeBatchPrefix(documents, fromVersion));
    const last = visible[visible.length - 1];
    if (last) this.heads.remember(streamId, last.version);
    return visible.map((document) => this.upcast(toStoredEvent(document)));
  }

  /** The last version readers see; 0 for a stream that does not exist. */
  async currentVersion(streamId: string): Promise<number> {
    const tail = (await this.positions(streamId, { version: -1 }, TAIL)).reverse();
    const version =
      tail.length < TAIL ? visibleHead(tail, 1) : await this.headOfLongStream(streamId, tail);
    this.heads.remember(streamId, version);
    return version;
  }

  /** Whether `version` ends a complete append of the stream, i.e. may be appended after. */
  async endsCompleteAppend(streamId: string, version: number): Promise<boolean> {
    const document = await this.events.findOne(
      { streamId, version },
      { projection: POSITION_FIELDS },
    );
    if (document && batchEndOf(document) === version) {
      this.heads.remember(streamId, version);
      return true;
    }
    return false;
  }

  /** Positions of the documents after `base`, at most `limit`, in version order. */
  after(streamId: string, base: number, limit: number): Promise<PositionDocument[]> {
    return this.events
      .find({ streamId, version: { $gt: base } }, { projection: POSITION_FIELDS })
      .sort({ version: 1 })
      .limit(limit)
      .toArray();
  }

  // The first append that starts inside the tail was written after a complete head, so the
  // head is known from there on; without one (a huge unfinished append) walk the stream.
  private async headOfLongStream(streamId: string, tail: PositionDocument[]): Promise<number> {
    const start = tail.find((document) => batchStartOf(document) === document.version);
    if (start) return visibleHead(tail.slice(tail.indexOf(start)), start.version);
    return visibleHead(await this.positions(streamId, { version: 1 }, 0), 1);
  }

  private positions(
    streamId: string,
    sort: { version: 1 | -1 },
    limit: number,
  ): Promise<PositionDocument[]> {
    return this.events
      .find({ streamId }, { projection: POSITION_FIELDS })
      .sort(sort)
      .limit(limit)
      .toArray();
  }
}

function visibleHead(documents: readonly PositionDocument[], from: number): number {
  const last = documents[completeBatchPrefix(documents, from) - 1];
  return last ? last.version : from - 1;
}
