import { Injectable } from '@nestjs/common';
import { AuditCheckpoints } from '../audit-checkpoints';
import { AuditTrailCollections } from '../audit-trail.collections';
import { StoredAuditEntry } from '../domain/audit-entry';
import { ChainVerdict, ChainVerifier, PurgeRecord } from '../domain/chain-verification';

export const PURGED_TYPE = 'thc.compliance.AuditEntriesPurged.v1';

/** Recomputes the whole chain from the database, in sequence order. */
@Injectable()
export class ChainVerification {
  constructor(
    private readonly collections: AuditTrailCollections,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  async verify(): Promise<ChainVerdict> {
    const checkpoints = await this.checkpoints.all();
    const verifier = new ChainVerifier(
      await this.purges(),
      new Set(checkpoints.map((checkpoint) => checkpoint.seq)),
    );
    const cursor = this.collections.entries.find().sort({ _id: 1 });
    for await (const document of cursor) {
      const { _id, ...entry } = document;
      // The stored `_id` is the place in the chain; a moved document shows up here.
      if (!verifier.next({ ...entry, seq: _id } as StoredAuditEntry)) break;
    }
    await cursor.close();
    const head = await this.collections.head.findOne({ _id: 'head' });
    return verifier.finish(head?.seq ?? 0, checkpoints, this.checkpoints.signatureValid);
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
