import { GENESIS_HASH, StoredAuditEntry } from './audit-entry';
import { entryHash } from './audit-hash';
import { CheckpointBreakReason, checkCheckpoints, CheckpointEvidence } from './checkpoint-rules';
import { tombstoneProblem, TrailRecords } from './purge-rules';

export type { Checkpoint } from './checkpoint-signature';
export type { PurgeRecord } from './purge-rules';

/** Why the chain is not intact, at the first entry where it breaks. */
export interface ChainBreak {
  readonly seq: number;
  readonly reason:
    | 'missing'
    | 'out-of-order'
    | 'content-altered'
    | 'link-broken'
    | 'unexplained-tombstone'
    | 'held-entry-purged'
    | CheckpointBreakReason;
  readonly detail: string;
  readonly eventId?: string;
}

export const BREAK_REASONS = [
  'missing',
  'out-of-order',
  'content-altered',
  'link-broken',
  'unexplained-tombstone',
  'held-entry-purged',
  'truncated',
  'checkpoint-mismatch',
  'checkpoint-signature-invalid',
  'checkpoint-missing',
  'checkpoint-overdue',
] as const satisfies readonly ChainBreak['reason'][];

export interface ChainVerdict {
  readonly intact: boolean;
  readonly entries: number;
  readonly lastSeq: number;
  readonly lastHash: string;
  /** The head hint the walk was checked against: at most `lastSeq` unless the tail was cut. */
  readonly headSeq: number;
  readonly checkpointsVerified: number;
  /** Heads published off the database that the chain was held against. */
  readonly publishedHeadsChecked: number;
  readonly firstBreak?: ChainBreak;
}

/**
 * Walks the chain in stored order and stops at the first break. Pure and incremental: feed
 * entries with `next`, then `finish` with what the chain should reach (head, checkpoints,
 * published heads). `signedSeqs` names the entries a checkpoint or published head signs.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private previousHash = GENESIS_HASH;
  private count = 0;
  private broken?: ChainBreak;
  private readonly hashes = new Map<number, string>();
  private unsignedSince?: { seq: number; at: string };
  private lastRecordedAt?: string;

  constructor(
    private readonly records: TrailRecords,
    private readonly signedSeqs: ReadonlySet<number>,
  ) {}

  /** Returns false once the chain is broken: nothing after the first break is meaningful. */
  next(entry: StoredAuditEntry): boolean {
    if (this.broken) return false;
    this.broken = this.problemWith(entry);
    if (this.broken) return false;
    const { seq } = entry;
    this.lastRecordedAt = entry.tombstone ? entry.occurredAt : entry.recordedAt;
    if (this.signedSeqs.has(seq)) {
      this.hashes.set(seq, entry.hash);
      this.unsignedSince = undefined;
    } else if (!this.unsignedSince) {
      this.unsignedSince = { seq, at: entry.tombstone ? entry.occurredAt : entry.recordedAt };
    }
    this.previousHash = entry.hash;
    this.expectedSeq += 1;
    this.count += 1;
    return true;
  }

  private problemWith(entry: StoredAuditEntry): ChainBreak | undefined {
    const seq = entry.seq;
    if (seq > this.expectedSeq)
      return {
        seq: this.expectedSeq,
        reason: 'missing',
        detail: `entry ${this.expectedSeq} is missing; the next stored entry is ${seq}`,
      };
    if (seq < this.expectedSeq)
      return {
        seq,
        reason: 'out-of-order',
        detail: `entry ${seq} appears after entry ${this.expectedSeq - 1}`,
      };
    const eventId = entry.tombstone ? undefined : entry.eventId;
    const at = { seq, ...(eventId ? { eventId } : {}) };
    if (entry.prevHash !== this.previousHash)
      return {
        ...at,
        reason: 'link-broken',
        detail: `entry ${seq} does not follow entry ${seq - 1}'s hash`,
      };
    if (entry.tombstone) {
      const problem = tombstoneProblem(this.records, entry);
      return problem ? { ...at, ...problem } : undefined;
    }
    if (entryHash(entry) !== entry.hash)
      return {
        ...at,
        reason: 'content-altered',
        detail: `entry ${seq}'s content does not match its hash`,
      };
    return undefined;
  }

  /** `headSeq`: the highest sequence number the writers announced in the database. */
  finish(headSeq: number, evidence: CheckpointEvidence): ChainVerdict {
    const lastSeq = this.expectedSeq - 1;
    let verified = 0;
    if (!this.broken) {
      const finding = checkCheckpoints(
        {
          lastSeq,
          hashes: this.hashes,
          ...(this.unsignedSince ? { unsignedSince: this.unsignedSince } : {}),
          ...(this.lastRecordedAt ? { lastRecordedAt: this.lastRecordedAt } : {}),
        },
        evidence,
      );
      verified = finding.verified;
      this.broken = finding.problem;
    }
    if (!this.broken && headSeq > lastSeq)
      this.broken = {
        seq: lastSeq + 1,
        reason: 'truncated',
        detail: `the chain head is at ${headSeq}, but the chain ends at ${lastSeq}`,
      };
    return {
      intact: !this.broken,
      entries: this.count,
      lastSeq,
      lastHash: this.previousHash,
      headSeq,
      checkpointsVerified: verified,
      publishedHeadsChecked: this.broken ? 0 : evidence.published.length,
      ...(this.broken ? { firstBreak: this.broken } : {}),
    };
  }
}
