import { StoredAuditEntry } from '../../services/compliance-audit/src/audit-trail/domain/audit-entry';
import {
  ChainVerdict,
  ChainVerifier,
} from '../../services/compliance-audit/src/audit-trail/domain/chain-verification';
import { CheckpointCadence } from '../../services/compliance-audit/src/audit-trail/domain/checkpoint-rules';
import {
  Checkpoint,
  CheckpointPublicKey,
  checkpointSignatureValid,
} from '../../services/compliance-audit/src/audit-trail/domain/checkpoint-signature';
import {
  HOLD_PLACED_TYPE,
  HOLD_RELEASED_TYPE,
  PURGED_TYPE,
  trailRecordsOf,
} from '../../services/compliance-audit/src/audit-trail/domain/purge-rules';
import { readExport } from './read-export';

export interface ExportVerificationInput {
  readonly exportFile: string;
  /** The keys the verifier trusts, obtained out of band: never taken from the export. */
  readonly publicKeys: readonly CheckpointPublicKey[];
  /** Heads published off the database (the heads file, or a dump of the heads topic). */
  readonly publishedHeads: readonly Checkpoint[];
  readonly cadence: CheckpointCadence;
  /** The verifier's clock. */
  readonly now: Date;
}

const RECORD_TYPES = new Set([PURGED_TYPE, HOLD_PLACED_TYPE, HOLD_RELEASED_TYPE]);

/**
 * Verifies an export with the same rules as the service, but from the file alone: one pass for
 * the purges, holds and checkpoints the walk needs, a second pass to walk the entries.
 */
export async function verifyExport(input: ExportVerificationInput): Promise<ChainVerdict> {
  const records: StoredAuditEntry[] = [];
  const checkpoints: Checkpoint[] = [];
  const header = await readExport(input.exportFile, (item) => {
    if (item.kind === 'checkpoint') checkpoints.push(item.checkpoint);
    else if (!item.entry.tombstone && RECORD_TYPES.has(item.entry.type)) records.push(item.entry);
  });
  const verifier = new ChainVerifier(
    trailRecordsOf(records),
    new Set([...checkpoints, ...input.publishedHeads].map((c) => c.seq)),
  );
  let walking = true;
  await readExport(input.exportFile, (item) => {
    if (walking && item.kind === 'entry') walking = verifier.next(item.entry);
  });
  // The export says when it was taken; it can not claim a time after the verifier's.
  const exportedAt = Date.parse(header.exportedAt);
  const now = Number.isNaN(exportedAt)
    ? input.now
    : new Date(Math.min(exportedAt, input.now.getTime()));
  return verifier.finish(Number.isInteger(header.headSeq) ? header.headSeq : 0, {
    stored: checkpoints,
    published: input.publishedHeads,
    signatureValid: (checkpoint) => checkpointSignatureValid(input.publicKeys, checkpoint),
    cadence: input.cadence,
    now: now.toISOString(),
  });
}
