import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_SETTINGS, AuditSettings } from '../../audit.settings';
import { AuditCheckpoints } from '../audit-checkpoints';
import { AuditTrailCollections, EntryDocument } from '../audit-trail.collections';
import { StoredAuditEntry } from '../domain/audit-entry';
import { Checkpoint, ChainVerdict, ChainVerifier } from '../domain/chain-verification';
import {
  HOLD_PLACED_TYPE,
  HOLD_RELEASED_TYPE,
  PURGED_TYPE,
  TrailRecords,
  trailRecordsOf,
} from '../domain/purge-rules';
import { readHeads } from '../heads-file';
import { Clock, CLOCK } from '@thc/service-runtime';

const LOOKS = 4;
const LOOK_AGAIN_AFTER_MS = 1000;

const isMaybeInFlight = (verdict: ChainVerdict): boolean =>
  verdict.firstBreak?.reason === 'unexplained-tombstone' ||
  verdict.firstBreak?.reason === 'checkpoint-missing';

const entryOf = ({ _id, ...entry }: EntryDocument): StoredAuditEntry =>
  ({ ...entry, seq: _id }) as StoredAuditEntry;

/**
 * Recomputes the chain from the database, in sequence order, up to a snapshot of its tail, and
 * holds it against its signed checkpoints and the heads published off the database.
 *
 * Appends go on while it runs, so everything it compares is read in an order that keeps the
 * reads consistent: the published heads, the checkpoints, then the head hint (each only ever
 * names entries already stored), then the last stored entry, which bounds the walk. Entries
 * appended after that are left to the next verification instead of making a head or checkpoint
 * look ahead of the chain. Entries are never removed (a purge leaves a tombstone in place), so a
 * number missing below the snapshot is a real loss.
 */
@Injectable()
export class ChainVerification {
  constructor(
    private readonly collections: AuditTrailCollections,
    private readonly checkpoints: AuditCheckpoints,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async verify(): Promise<ChainVerdict> {
    let verdict = await this.verifyOnce();
    // A purge recorded, or a checkpoint signed by a slower instance (writers sign their own
    // multiples, so one may still be signing an earlier one while another has signed later ones),
    // may explain what a walk found while appends went on: look again, after a pause that lets a
    // loaded writer finish, before calling it a break. A real break costs the pauses only.
    for (let look = 1; look < LOOKS && isMaybeInFlight(verdict); look++) {
      await new Promise((resolve) => setTimeout(resolve, LOOK_AGAIN_AFTER_MS));
      verdict = await this.verifyOnce();
    }
    return verdict;
  }

  private async verifyOnce(): Promise<ChainVerdict> {
    const published = this.settings.headsFile ? await readHeads(this.settings.headsFile) : [];
    const checkpoints = await this.checkpoints.all();
    const head = await this.collections.head.findOne({ _id: 'head' });
    const [last] = await this.collections.entries
      .find({}, { projection: { _id: 1 } })
      .sort({ _id: -1 })
      .limit(1)
      .toArray();
    const upTo = last?._id ?? 0;
    return this.walk(upTo, head?.seq ?? 0, checkpoints, published);
  }

  private async walk(
    upTo: number,
    headSeq: number,
    checkpoints: readonly Checkpoint[],
    published: readonly Checkpoint[],
  ): Promise<ChainVerdict> {
    const verifier = new ChainVerifier(
      await this.trailRecords(upTo),
      new Set([...checkpoints, ...published].map((checkpoint) => checkpoint.seq)),
    );
    const cursor = this.collections.entries.find({ _id: { $lte: upTo } }).sort({ _id: 1 });
    // The stored `_id` is the place in the chain; a moved document shows up here.
    for await (const document of cursor) if (!verifier.next(entryOf(document))) break;
    await cursor.close();
    return verifier.finish(headSeq, {
      stored: checkpoints,
      published,
      signatureValid: this.checkpoints.signatureValid,
      cadence: {
        every: this.settings.checkpointEvery,
        intervalMs: this.settings.checkpointIntervalMs,
      },
      now: this.clock().toISOString(),
    });
  }

  /** The purges and legal holds the trail records; the walk checks each of them in place. */
  private async trailRecords(upTo: number): Promise<TrailRecords> {
    const documents = await this.collections.entries
      .find({
        _id: { $lte: upTo },
        type: { $in: [PURGED_TYPE, HOLD_PLACED_TYPE, HOLD_RELEASED_TYPE] },
      })
      .toArray();
    return trailRecordsOf(documents.map(entryOf));
  }
}
