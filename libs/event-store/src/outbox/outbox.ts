import { Collection } from 'mongodb';
import { completeBatchPrefix } from '../batches/complete-batch-prefix';
import { selectPublishable } from '../batches/select-publishable';
import { EventDocument } from '../event-document.schema';
import { StoredEvent } from '../stored-event';
import { toStoredEvent } from '../to-stored-event';

/** The front of the outbox: the next pending events the relay publishes. */
export interface OutboxHead {
  /** Pending events read, at most the limit asked for. */
  readonly count: number;
  /** When the oldest of them was recorded; undefined when nothing is pending. */
  readonly oldestRecordedAt?: Date;
}

/**
 * The stored events are their own outbox: `pending: true` until the relay has published
 * them. The relay sees complete appends only, so it never publishes part of one, nor an
 * event that readers of the stream would not see.
 */
export class Outbox {
  constructor(
    private readonly events: Collection<EventDocument>,
    private readonly now: () => Date,
    private readonly abandonAfterMs: number,
  ) {}

  /**
   * Up to about `limit` pending events, complete appends only, in (streamId, version) order.
   *
   * Two reads, each bounded: which streams have pending events (unsorted, so it stops at `limit`
   * where a sorted read of the whole outbox would first read every pending event, after a
   * backlog the whole history), then those streams' pending events in version order. The
   * second read sorts on the server: no unsorted order, index or insertion, is version order on
   * every server (an index on a number may order it as text).
   */
  async readPending(limit: number): Promise<StoredEvent[]> {
    const streams = await this.events
      .find({ pending: true }, { projection: { _id: 0, streamId: 1 } })
      .limit(limit)
      .toArray();
    if (streams.length === 0) return [];
    const page = await this.events
      .find({ streamId: { $in: [...new Set(streams.map((s) => s.streamId))] }, pending: true })
      .sort({ streamId: 1, version: 1 })
      .limit(limit)
      .toArray();
    const selection = selectPublishable(page, page.length === limit);
    await this.removeAbandoned(selection.unfinished);
    let ready = selection.ready;
    // A single append larger than the page: read it whole rather than never publish it.
    if (ready.length === 0 && selection.cut) {
      const { streamId, from, to } = selection.cut;
      const batch = await this.events
        .find({ streamId, version: { $gte: from, $lte: to }, pending: true })
        .sort({ version: 1 })
        .toArray();
      ready = batch.slice(0, completeBatchPrefix(batch, from));
    }
    return ready.map(toStoredEvent);
  }

  /**
   * The next `limit` pending events, read as `readPending` reads them (same filter, no sort,
   * so the same index on MongoDB) with only their `recordedAt`: a read of at most `limit`
   * index entries and documents whatever the size of the store or of the backlog. Not the
   * oldest pending event of the whole outbox, which would need an index in time order; the
   * relay publishes in this order, so these are the events that wait for it first.
   */
  async head(limit: number, maxTimeMS: number): Promise<OutboxHead> {
    const page = await this.events
      .find({ pending: true }, { projection: { _id: 0, recordedAt: 1 }, limit, maxTimeMS })
      .toArray();
    const times = page.map((document) => document.recordedAt.getTime());
    return times.length === 0
      ? { count: 0 }
      : { count: times.length, oldestRecordedAt: new Date(Math.min(...times)) };
  }

  /**
   * Clears `pending` of a published page in one update by `_id`, however long the page: one
   * round trip instead of one per event. Still pending only: an event another relay marked
   * first keeps its own `publishedAt`.
   */
  async markPublished(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.events.updateMany(
      { _id: { $in: [...ids] }, pending: true },
      { $unset: { pending: '' }, $set: { publishedAt: this.now() } },
    );
  }

  // An unfinished append that nobody appends after would hold its place at the front of the
  // outbox forever; once old enough to be abandoned, the relay clears it like a writer would.
  private async removeAbandoned(unfinished: readonly EventDocument[]): Promise<void> {
    const before = this.now().getTime() - this.abandonAfterMs;
    const abandoned = unfinished.filter((document) => document.recordedAt.getTime() <= before);
    if (abandoned.length > 0) {
      await this.events.deleteMany({
        _id: { $in: abandoned.map((document) => document._id) },
        pending: true,
      });
    }
  }
}
