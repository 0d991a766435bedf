import { Inject, Injectable, Logger } from '@nestjs/common';
import { mongo } from 'mongoose';
import { AuditEntry, GENESIS_HASH } from './domain/audit-entry';
import { chainRecords, eventIdHash } from './domain/audit-hash';
import { AuditRecord } from './domain/audit-record';
import { AuditTrailCollections, EntryDocument } from './audit-trail.collections';
import { AuditCheckpoints } from './audit-checkpoints';
import { DUPLICATE_KEY, insertInOrder } from './ordered-insert';
import { Clock, CLOCK } from '@thc/service-runtime';

interface Tail {
  readonly seq: number;
  readonly hash: string;
}

export interface AppendOutcome {
  readonly appended: readonly AuditEntry[];
  /** Event ids already in the trail: redeliveries, which add nothing. */
  readonly duplicates: readonly string[];
}

const MAX_ROUNDS = 1000;

/**
 * Appends records to the hash chain, safely with several instances and without transactions.
 *
 * Each entry's `_id` is its sequence number. A writer chains a batch after the tail it knows and
 * inserts it in order; the unique `_id` turns the insert into a compare-and-set: if another
 * instance took a number first, the insert stops there, the writer reads the entries from that
 * number on (the run of them is the new tail) and chains the rest again. The unique `eventId`
 * index refuses a redelivered event the same way. `audit_chain_head` is only a hint of the tail,
 * written after the entries it names: it may lag behind them, never run ahead.
 */
@Injectable()
export class AuditChainWriter {
  private readonly logger = new Logger(AuditChainWriter.name);
  private tail?: Tail;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly collections: AuditTrailCollections,
    private readonly checkpoints: AuditCheckpoints,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Appends in order; one call at a time per instance (calls queue up). */
  append(records: readonly AuditRecord[]): Promise<AppendOutcome> {
    const run = this.queue.then(() => this.appendNow(records));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async appendNow(records: readonly AuditRecord[]): Promise<AppendOutcome> {
    const seen = new Set<string>();
    let pending = records.filter((r) => !seen.has(r.eventId) && seen.add(r.eventId));
    const appended: AuditEntry[] = [];
    const duplicates: string[] = [];
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_ROUNDS) throw new Error('audit chain: too much contention, giving up');
      const tail = this.tail ?? (await this.readTail());
      // Forget the tail until this round's outcome is known: a failed insert must not leave a
      // guess behind for the next call.
      this.tail = undefined;
      const entries = chainRecords(pending, tail, this.clock().toISOString());
      const inserted = await insertInOrder(
        this.collections.entries,
        entries.map((entry) => ({ ...entry, _id: entry.seq }) as EntryDocument),
      );
      appended.push(...entries.slice(0, inserted));
      const last = entries[inserted - 1];
      this.tail = last ? { seq: last.seq, hash: last.hash } : tail;
      if (inserted === entries.length) break;
      // Either another instance took the next number or the event is in the trail already
      // (usually with more of the batch: redeliveries come in runs). Learn both at once rather
      // than one failed insert per duplicate; a record chained elsewhere after these reads is
      // still refused by the unique index next round.
      pending = pending.slice(inserted);
      const taken = await this.runFrom((entries[inserted] as AuditEntry).seq);
      if (taken) this.tail = taken;
      const stored = await this.storedEventIds(pending);
      duplicates.push(...pending.filter((r) => stored.has(r.eventId)).map((r) => r.eventId));
      pending = pending.filter((r) => !stored.has(r.eventId));
    }
    const last = appended.at(-1);
    if (last) {
      await this.advanceHead(last);
      await this.checkpoints.afterAppend(appended);
    }
    return { appended, duplicates };
  }

  /**
   * The last entry of the unbroken run of entries starting at `seq`, or undefined if `seq` is
   * free. One range read: on FerretDB any filter on a numeric `_id` scans the collection, so one
   * scan is far cheaper than a point read per entry.
   */
  private async runFrom(seq: number): Promise<Tail | undefined> {
    const found = await this.collections.entries
      .find({ _id: { $gte: seq } }, { projection: { _id: 1, hash: 1 } })
      .sort({ _id: 1 })
      .toArray();
    let run: Tail | undefined;
    for (const entry of found) {
      if (entry._id !== (run?.seq ?? seq - 1) + 1) break;
      run = { seq: entry._id, hash: entry.hash };
    }
    return run;
  }

  /**
   * The event ids among `records` that the trail holds already: as entries, or as tombstones,
   * which keep only the id's hash, so that a replay of a purged event does not bring it back.
   */
  private async storedEventIds(records: readonly AuditRecord[]): Promise<Set<string>> {
    const byHash = new Map(records.map((r) => [eventIdHash(r.eventId), r.eventId]));
    const found = await this.collections.entries
      .find(
        {
          $or: [
            { eventId: { $in: records.map((r) => r.eventId) } },
            { eventIdHash: { $in: [...byHash.keys()] } },
          ],
        },
        { projection: { eventId: 1, eventIdHash: 1, tombstone: 1 } },
      )
      .toArray();
    return new Set(
      found.map((entry) =>
        entry.tombstone ? (byHash.get(entry.eventIdHash ?? '') ?? '') : entry.eventId,
      ),
    );
  }

  /** The head hint, then the run of entries from it on. */
  async readTail(): Promise<Tail> {
    const head = await this.collections.head.findOne({ _id: 'head' });
    const from = head?.seq ?? 0;
    if (from === 0) return (await this.runFrom(1)) ?? { seq: 0, hash: GENESIS_HASH };
    const run = await this.runFrom(from);
    if (run) return run;
    // Keep the head's place: chaining after it leaves the loss for verification to report.
    this.logger.error(`audit chain head names entry ${from}, which is missing`);
    return { seq: from, hash: head?.hash ?? GENESIS_HASH };
  }

  private async advanceHead(last: AuditEntry): Promise<void> {
    try {
      // Not a compare-and-set on FerretDB (filter and write are separate steps), so the head
      // can fall behind a concurrent writer's; it is a hint, and the entries after it are read.
      await this.collections.head.updateOne(
        { _id: 'head', seq: { $lt: last.seq } },
        { $set: { seq: last.seq, hash: last.hash } },
        { upsert: true },
      );
    } catch (error) {
      // The head is already further on (another instance): the upsert collides on `_id`.
      if (!(error instanceof mongo.MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
    }
  }
}
