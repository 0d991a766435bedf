import { Inject, Injectable, Logger } from '@nestjs/common';
import { mongo } from 'mongoose';
import { AUDIT_SETTINGS, AuditSettings, CLOCK, Clock } from '../shared/audit.settings';
import { AuditEntry, GENESIS_HASH } from './domain/audit-entry';
import { chainRecords } from './domain/audit-hash';
import { AuditRecord } from './domain/audit-record';
import { AuditTrailCollections, EntryDocument } from './audit-trail.collections';
import { AuditCheckpoints } from './audit-checkpoints';

interface Tail {
  readonly seq: number;
  readonly hash: string;
}

export interface AppendOutcome {
  readonly appended: readonly AuditEntry[];
  /** Event ids already in the trail: redeliveries, which add nothing. */
  readonly duplicates: readonly string[];
}

const DUPLICATE_KEY = 11000;
const MAX_ROUNDS = 1000;

/**
 * Appends records to the hash chain, safely with several instances and without transactions.
 *
 * Each entry's `_id` is its sequence number. A writer chains a batch after the tail it knows and
 * inserts it in order; the unique `_id` turns the insert into a compare-and-set: if another
 * instance took a number first, the insert fails there, the writer reads the new tail and
 * chains the rest again. The unique `eventId` index refuses a redelivered event the same way.
 * `audit_chain_head` is only a hint of the tail (updated after each insert, never trusted
 * alone): the tail is confirmed by point reads of the entries after it.
 */
@Injectable()
export class AuditChainWriter {
  private readonly logger = new Logger(AuditChainWriter.name);
  private tail?: Tail;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly collections: AuditTrailCollections,
    private readonly checkpoints: AuditCheckpoints,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
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
      const entries = chainRecords(pending, tail, this.clock().toISOString());
      const inserted = await this.insert(entries);
      appended.push(...entries.slice(0, inserted));
      const last = appended.at(-1);
      if (inserted > 0 && last) this.tail = { seq: last.seq, hash: last.hash };
      if (inserted === entries.length) break;
      const failed = entries[inserted] as AuditEntry;
      const taken = await this.collections.entries.findOne(
        { _id: failed.seq },
        { projection: { _id: 1, eventId: 1 } },
      );
      if (taken) {
        // Another instance took this number (perhaps with this very event): re-read the tail.
        this.tail = undefined;
        pending = pending.slice(inserted);
      } else {
        // The number was free, so the event itself is already in the trail.
        duplicates.push(failed.eventId);
        pending = pending.slice(inserted + 1);
      }
    }
    const last = appended.at(-1);
    if (last) {
      await this.advanceHead(last);
      await this.checkpoints.afterAppend(last.seq, last.hash, this.settings.checkpointEvery);
    }
    return { appended, duplicates };
  }

  /** Inserts in order; returns how many went in before a duplicate key stopped it. */
  private async insert(entries: readonly AuditEntry[]): Promise<number> {
    try {
      await this.collections.entries.insertMany(
        entries.map((entry) => ({ ...entry, _id: entry.seq }) as EntryDocument),
        { ordered: true },
      );
      return entries.length;
    } catch (error) {
      if (
        !(error instanceof mongo.MongoBulkWriteError) &&
        !(error instanceof mongo.MongoServerError)
      )
        throw error;
      if (error.code !== DUPLICATE_KEY) throw error;
      const inserted = error instanceof mongo.MongoBulkWriteError ? error.insertedCount : 0;
      return inserted;
    }
  }

  /** The head hint, then point reads forward until the first free number. */
  async readTail(): Promise<Tail> {
    const head = await this.collections.head.findOne({ _id: 'head' });
    let tail: Tail = head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: GENESIS_HASH };
    if (tail.seq > 0) {
      const atHead = await this.collections.entries.findOne(
        { _id: tail.seq },
        { projection: { hash: 1 } },
      );
      if (!atHead) this.logger.error(`audit chain head names entry ${tail.seq}, which is missing`);
      else tail = { seq: tail.seq, hash: atHead.hash };
    }
    for (;;) {
      const next = await this.collections.entries.findOne(
        { _id: tail.seq + 1 },
        { projection: { hash: 1 } },
      );
      if (!next) return tail;
      tail = { seq: tail.seq + 1, hash: next.hash };
    }
  }

  private async advanceHead(last: AuditEntry): Promise<void> {
    try {
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
