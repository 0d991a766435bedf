import { AuditTombstone, GENESIS_HASH, StoredAuditEntry } from './audit-entry';
import { entryHash } from './audit-hash';

/** Why the chain is not intact, at the first entry where it breaks. */
export interface ChainBreak {
  readonly seq: number;
  readonly reason:
    | 'missing'
    | 'out-of-order'
    | 'content-altered'
    | 'link-broken'
    | 'unexplained-tombstone'
    | 'truncated'
    | 'checkpoint-mismatch'
    | 'checkpoint-signature-invalid';
  readonly detail: string;
  readonly eventId?: string;
}

/** A signed statement that the chain up to `seq` ended in `hash`. */
export interface Checkpoint {
  readonly seq: number;
  readonly hash: string;
  readonly signedAt: string;
  readonly keyId: string;
  readonly signature: string;
}

/**
 * A purge as the trail recorded it (a hashed entry itself): the tombstones it explains lie in its
 * range and happened before its cutoff.
 */
export interface PurgeRecord {
  readonly purgeId: string;
  readonly cutoff: string;
  readonly firstSeq: number;
  readonly lastSeq: number;
}

export interface ChainVerdict {
  readonly intact: boolean;
  readonly entries: number;
  readonly lastSeq: number;
  readonly lastHash: string;
  /** The head hint the walk was checked against: at most `lastSeq` unless the tail was cut. */
  readonly headSeq: number;
  readonly checkpointsVerified: number;
  readonly firstBreak?: ChainBreak;
}

/**
 * Walks the chain in stored order and stops at the first break. Pure and incremental: feed
 * entries with `next`, then `finish` with what the chain should reach (head, checkpoints).
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private previousHash = GENESIS_HASH;
  private count = 0;
  private broken?: ChainBreak;
  private readonly hashes = new Map<number, string>();

  constructor(
    private readonly purges: ReadonlyMap<string, PurgeRecord>,
    private readonly checkpointSeqs: ReadonlySet<number>,
  ) {}

  /** Returns false once the chain is broken: nothing after the first break is meaningful. */
  next(entry: StoredAuditEntry): boolean {
    if (this.broken) return false;
    const seq = entry.seq;
    if (seq !== this.expectedSeq) {
      this.broken =
        seq > this.expectedSeq
          ? {
              seq: this.expectedSeq,
              reason: 'missing',
              detail: `entry ${this.expectedSeq} is missing; the next stored entry is ${seq}`,
            }
          : {
              seq,
              reason: 'out-of-order',
              detail: `entry ${seq} appears after entry ${this.expectedSeq - 1}`,
            };
      return false;
    }
    const eventId = entry.tombstone ? undefined : entry.eventId;
    const at = { seq, ...(eventId ? { eventId } : {}) };
    if (entry.prevHash !== this.previousHash) {
      this.broken = {
        ...at,
        reason: 'link-broken',
        detail: `entry ${seq} does not follow entry ${seq - 1}'s hash`,
      };
      return false;
    }
    if (entry.tombstone) {
      const problem = this.tombstoneProblem(entry);
      if (problem) {
        this.broken = { ...at, reason: 'unexplained-tombstone', detail: problem };
        return false;
      }
    } else if (entryHash(entry) !== entry.hash) {
      this.broken = {
        ...at,
        reason: 'content-altered',
        detail: `entry ${seq}'s content does not match its hash`,
      };
      return false;
    }
    if (this.checkpointSeqs.has(seq)) this.hashes.set(seq, entry.hash);
    this.previousHash = entry.hash;
    this.expectedSeq += 1;
    this.count += 1;
    return true;
  }

  /**
   * `headSeq`: the highest sequence number the writers announced; `checkpoints` must match the
   * entries they name and carry a valid signature (`signatureValid`).
   */
  finish(
    headSeq: number,
    checkpoints: readonly Checkpoint[],
    signatureValid: (checkpoint: Checkpoint) => boolean,
  ): ChainVerdict {
    const lastSeq = this.expectedSeq - 1;
    let verified = 0;
    if (!this.broken) {
      for (const checkpoint of [...checkpoints].sort((a, b) => a.seq - b.seq)) {
        if (!signatureValid(checkpoint)) {
          this.broken = {
            seq: checkpoint.seq,
            reason: 'checkpoint-signature-invalid',
            detail: `checkpoint at entry ${checkpoint.seq} is not validly signed`,
          };
          break;
        }
        if (checkpoint.seq > lastSeq) {
          this.broken = {
            seq: lastSeq + 1,
            reason: 'truncated',
            detail: `a checkpoint names entry ${checkpoint.seq}, but the chain ends at ${lastSeq}`,
          };
          break;
        }
        if (this.hashes.get(checkpoint.seq) !== checkpoint.hash) {
          this.broken = {
            seq: checkpoint.seq,
            reason: 'checkpoint-mismatch',
            detail: `entry ${checkpoint.seq} differs from its signed checkpoint`,
          };
          break;
        }
        verified += 1;
      }
    }
    if (!this.broken && headSeq > lastSeq) {
      this.broken = {
        seq: lastSeq + 1,
        reason: 'truncated',
        detail: `the chain head is at ${headSeq}, but the chain ends at ${lastSeq}`,
      };
    }
    return {
      intact: !this.broken,
      entries: this.count,
      lastSeq,
      lastHash: this.previousHash,
      headSeq,
      checkpointsVerified: verified,
      ...(this.broken ? { firstBreak: this.broken } : {}),
    };
  }

  private tombstoneProblem(entry: AuditTombstone): string | undefined {
    const purge = this.purges.get(entry.purgeId);
    if (!purge) return `entry ${entry.seq} was emptied without a recorded purge`;
    if (entry.seq < purge.firstSeq || entry.seq > purge.lastSeq)
      return `entry ${entry.seq} is outside the range its purge recorded`;
    if (!(entry.occurredAt < purge.cutoff))
      return `entry ${entry.seq} was emptied although it is younger than its purge's cutoff`;
    return undefined;
  }
}
