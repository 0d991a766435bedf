import { Checkpoint } from './checkpoint-signature';

/** How often the chain must be signed: a checkpoint at least every `every` entries... */
export interface CheckpointCadence {
  readonly every: number;
  /** ...and no entry left unsigned longer than this. */
  readonly intervalMs: number;
}

export type CheckpointBreakReason =
  | 'truncated'
  | 'checkpoint-mismatch'
  | 'checkpoint-signature-invalid'
  | 'checkpoint-missing'
  | 'checkpoint-overdue';

export interface CheckpointFinding {
  readonly verified: number;
  readonly problem?: {
    readonly seq: number;
    readonly reason: CheckpointBreakReason;
    readonly detail: string;
  };
}

/** What the walk learned that the checkpoints are held against. */
export interface WalkedChain {
  readonly lastSeq: number;
  /** Hashes of the walked entries that a checkpoint or published head names. */
  readonly hashes: ReadonlyMap<number, string>;
  /** The first entry after the last signed one, with when it was recorded. */
  readonly unsignedSince?: { readonly seq: number; readonly at: string };
  /** When the last walked entry was recorded. */
  readonly lastRecordedAt?: string;
}

/**
 * How long a writer may take between appending a multiple of the cadence and storing its
 * checkpoint (at most the interval): a tail younger than this may still be being signed.
 */
export const SIGNING_GRACE_MS = 5000;

export interface CheckpointEvidence {
  /** The checkpoints stored in the database beside the chain. */
  readonly stored: readonly Checkpoint[];
  /** Heads published off the database (Kafka, the heads file): they outlive a database rewrite. */
  readonly published: readonly Checkpoint[];
  readonly signatureValid: (checkpoint: Checkpoint) => boolean;
  readonly cadence: CheckpointCadence;
  /** The verifier's clock, ISO-8601. */
  readonly now: string;
}

/**
 * Holds the walked chain against its signed checkpoints: each must be validly signed and name an
 * entry with its hash; every published head must be in the database too (deleting checkpoints
 * does not hide a rewrite); no run of more than `every` entries may go unsigned, and the tail
 * beyond the last checkpoint may not be older than `intervalMs`.
 */
export function checkCheckpoints(
  chain: WalkedChain,
  evidence: CheckpointEvidence,
): CheckpointFinding {
  let verified = 0;
  const check = (checkpoint: Checkpoint, where: string): CheckpointFinding['problem'] => {
    if (!evidence.signatureValid(checkpoint))
      return {
        seq: checkpoint.seq,
        reason: 'checkpoint-signature-invalid',
        detail: `${where} at entry ${checkpoint.seq} is not validly signed`,
      };
    if (checkpoint.seq > chain.lastSeq)
      return {
        seq: chain.lastSeq + 1,
        reason: 'truncated',
        detail: `${where} names entry ${checkpoint.seq}, but the chain ends at ${chain.lastSeq}`,
      };
    if (chain.hashes.get(checkpoint.seq) !== checkpoint.hash)
      return {
        seq: checkpoint.seq,
        reason: 'checkpoint-mismatch',
        detail: `entry ${checkpoint.seq} differs from its ${where}`,
      };
    return undefined;
  };
  const bySeq = (a: Checkpoint, b: Checkpoint) => a.seq - b.seq;
  for (const checkpoint of [...evidence.stored].sort(bySeq)) {
    const problem = check(checkpoint, 'signed checkpoint');
    if (problem) return { verified, problem };
    verified += 1;
  }
  const stored = new Set(evidence.stored.map((checkpoint) => checkpoint.seq));
  for (const head of [...evidence.published].sort(bySeq)) {
    const problem = check(head, 'published head');
    if (problem) return { verified, problem };
    if (!stored.has(head.seq))
      return {
        verified,
        problem: {
          seq: head.seq,
          reason: 'checkpoint-missing',
          detail: `the head published for entry ${head.seq} has no checkpoint in the database`,
        },
      };
  }
  const now = Date.parse(evidence.now);
  const grace = Math.min(evidence.cadence.intervalMs, SIGNING_GRACE_MS);
  // Times come from the entries, which whoever rewrites them also writes: a time in the future
  // is as suspicious as an old one.
  const olderThan = (at: string, ms: number) => {
    const time = Date.parse(at);
    return Number.isNaN(time) || time < now - ms || time > now + grace;
  };
  const signed = [...stored].filter((seq) => seq <= chain.lastSeq).sort((a, b) => a - b);
  // The tail counts too once its writer has had time to sign: a multiple is signed as it is
  // appended.
  const settled = chain.lastRecordedAt !== undefined && olderThan(chain.lastRecordedAt, grace);
  let previous = 0;
  for (const seq of settled ? [...signed, chain.lastSeq] : signed) {
    if (seq - previous > evidence.cadence.every)
      return {
        verified,
        problem: {
          seq: previous + evidence.cadence.every,
          reason: 'checkpoint-missing',
          detail: `no signed checkpoint among entries ${previous + 1} to ${seq}, though one is due every ${evidence.cadence.every}`,
        },
      };
    previous = seq;
  }
  const since = chain.unsignedSince;
  if (since && olderThan(since.at, evidence.cadence.intervalMs))
    return {
      verified,
      problem: {
        seq: since.seq,
        reason: 'checkpoint-overdue',
        detail: `entries from ${since.seq} on (recorded ${since.at}) have gone unsigned longer than ${evidence.cadence.intervalMs} ms`,
      },
    };
  return { verified };
}
