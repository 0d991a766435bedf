import { Injectable } from '@nestjs/common';
import { AuditCheckpoints } from '../audit-checkpoints';
import { AuditTrailCollections } from '../audit-trail.collections';
import { StoredAuditEntry } from '../domain/audit-entry';
import { Checkpoint, ChainVerdict, ChainVerifier, PurgeRecord } from '../domain/chain-verification';

export const PURGED_TYPE = 'thc.compliance.AuditEntriesPurged.v1';

/**
 * Recomputes the chain from the database, in sequence order, up to a snapshot of its tail.
 *
 * Appends go on while it runs, so everything it compares is read in an order that keeps the
 * reads consistent: the checkpoints, then the head hint (both only ever name entries already
 * stored), then the last stored entry, which bounds the walk. Entries appended after that are
 * left to the next verification instead of making the head or a checkpoint look ahead of the
 * chain. Entries are never removed (a purge leaves a tombstone in place), so a number missing
 * below the snapshot is a real loss.
 */
@Injectable()
export class ChainVerification {
  constructor(
    private readonly collections: AuditTrailCollections,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  async verify(): Promise<ChainVerdict> {
    const checkpoints = await this.checkpoints.all();
    const head = await this.collections.head.findOne({ _id: 'head' });
    const [last] = await this.collections.entries
      .find({}, { projection: { _id: 1 } })
      .sort({ _id: -1 })
      .limit(1)
      .toArray();
    const upTo = last?._id ?? 0;
    const verdict = await this.walk(upTo, head?.seq ?? 0, checkpoints);
    // A purge recorded while the walk ran may explain tombstones the walk met: look again once.
    return verdict.firstBreak?.reason === 'unexplained-tombstone'
      ? this.walk(upTo, head?.seq ?? 0, checkpoints)
      : verdict;
  }

  private async walk(
    upTo: number,
    headSeq: number,
    checkpoints: readonly Checkpoint[],
  ): Promise<ChainVerdict> {
    const verifier = new ChainVerifier(
      await this.purges(),
      new Set(checkpoints.map((checkpoint) => checkpoint.seq)),
    );
    const cursor = this.collections.entries.find({ _id: { $lte: upTo } }).sort({ _id: 1 });
    for await (const document of cursor) {
      const { _id, ...entry } = document;
      // The stored `_id` is the place in the chain; a moved document shows up here.
      if (!verifier.next({ ...entry, seq: _id } as StoredAuditEntry)) break;
    }
    await cursor.close();
    return verifier.finish(headSeq, checkpoints, this.checkpoints.signatureValid);
  }

  private async purges(): Promise<Map<string, PurgeRecord>> {
    const entries = await this.collections.entries.find({ type: PURGED_TYPE }).toArray();
    const purges = new Map<string, PurgeRecord>();
    for (const entry of entries) {
      if (entry.tombstone) continue;
      const data = entry.data as Partial<PurgeRecord> | null;
      if (
        data?.purgeId &&
        data.cutoff &&
        typeof data.firstSeq === 'number' &&
        typeof data.lastSeq === 'number'
      )
        purges.set(data.purgeId, {
          purgeId: data.purgeId,
          cutoff: new Date(data.cutoff).toISOString(),
          firstSeq: data.firstSeq,
          lastSeq: data.lastSeq,
        });
    }
    return purges;
  }
}
