import { AuditTombstone, StoredAuditEntry } from './audit-entry';
import { patientIdHash } from './audit-hash';

export const PURGED_TYPE = 'thc.compliance.AuditEntriesPurged.v1';
export const HOLD_PLACED_TYPE = 'thc.compliance.LegalHoldPlaced.v1';
export const HOLD_RELEASED_TYPE = 'thc.compliance.LegalHoldReleased.v1';

/** An inclusive run of sequence numbers (an object: FerretDB stores no nested arrays). */
export interface SeqRange {
  readonly from: number;
  readonly to: number;
}

/** Runs of sequence numbers, ascending and disjoint: `[{ from: 3, to: 9 }, { from: 12, to: 12 }]`. */
export type SeqRanges = readonly SeqRange[];

/**
 * A purge as the trail recorded it (a hashed entry itself, at `seq`): exactly the entries it
 * emptied, all before it and older than its cutoff.
 */
export interface PurgeRecord {
  readonly purgeId: string;
  readonly seq: number;
  readonly cutoff: string;
  readonly purged: SeqRanges;
}

/** Legal holds placed and released, by patient hash, in chain order. */
export type HoldTimeline = ReadonlyMap<string, readonly { seq: number; placed: boolean }[]>;

/** What the trail says about purges and holds, read from its own entries before the walk. */
export interface TrailRecords {
  readonly purges: ReadonlyMap<string, PurgeRecord>;
  readonly holds: HoldTimeline;
}

/** Compresses ascending sequence numbers into ranges. */
export function toRanges(seqs: readonly number[]): SeqRange[] {
  const ranges: { from: number; to: number }[] = [];
  for (const seq of seqs) {
    const last = ranges.at(-1);
    if (last && seq === last.to + 1) last.to = seq;
    else ranges.push({ from: seq, to: seq });
  }
  return ranges;
}

export function inRanges(seq: number, ranges: SeqRanges): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const { from, to } = ranges[middle] as SeqRange;
    if (seq < from) high = middle - 1;
    else if (seq > to) low = middle + 1;
    else return true;
  }
  return false;
}

const isRanges = (value: unknown): value is SeqRanges =>
  Array.isArray(value) &&
  value.every((range: Partial<SeqRange> | null, i) => {
    const previous = value[i - 1] as SeqRange | undefined;
    return (
      typeof range === 'object' &&
      range !== null &&
      Number.isInteger(range.from) &&
      Number.isInteger(range.to) &&
      (range.from as number) <= (range.to as number) &&
      (!previous || (range.from as number) > previous.to)
    );
  });

/**
 * Reads the purges and hold changes out of stored entries (any order). Only intact entries
 * count: a purge record or hold that was itself altered breaks the walk at its own place.
 */
export function trailRecordsOf(entries: Iterable<StoredAuditEntry>): TrailRecords {
  const purges = new Map<string, PurgeRecord>();
  const holds = new Map<string, { seq: number; placed: boolean }[]>();
  for (const entry of entries) {
    if (entry.tombstone) continue;
    const data = (entry.data ?? {}) as Record<string, unknown>;
    if (entry.type === PURGED_TYPE) {
      const { purgeId, cutoff, purgedRanges } = data;
      // A purge without its exact list explains no tombstone.
      if (typeof purgeId === 'string' && typeof cutoff === 'string' && isRanges(purgedRanges))
        purges.set(purgeId, {
          purgeId,
          seq: entry.seq,
          cutoff: new Date(cutoff).toISOString(),
          purged: purgedRanges,
        });
    } else if (entry.type === HOLD_PLACED_TYPE || entry.type === HOLD_RELEASED_TYPE) {
      if (typeof data['patientId'] !== 'string') continue;
      const key = patientIdHash(data['patientId']);
      const changes = holds.get(key) ?? [];
      changes.push({ seq: entry.seq, placed: entry.type === HOLD_PLACED_TYPE });
      holds.set(key, changes);
    }
  }
  for (const changes of holds.values()) changes.sort((a, b) => a.seq - b.seq);
  return { purges, holds };
}

function heldAt(holds: HoldTimeline, patientHash: string, seq: number): boolean {
  let held = false;
  for (const change of holds.get(patientHash) ?? []) {
    if (change.seq >= seq) break;
    held = change.placed;
  }
  return held;
}

/** Why a tombstone is not a legitimate purge's, or undefined when it is. */
export function tombstoneProblem(
  records: TrailRecords,
  entry: AuditTombstone,
):
  | { readonly reason: 'unexplained-tombstone' | 'held-entry-purged'; readonly detail: string }
  | undefined {
  const unexplained = (detail: string) => ({ reason: 'unexplained-tombstone' as const, detail });
  const purge = records.purges.get(entry.purgeId);
  if (!purge) return unexplained(`entry ${entry.seq} was emptied without a recorded purge`);
  if (purge.seq <= entry.seq || !inRanges(entry.seq, purge.purged))
    return unexplained(`entry ${entry.seq} is not among the entries its purge lists`);
  if (!(entry.occurredAt < purge.cutoff))
    return unexplained(
      `entry ${entry.seq} was emptied although it is younger than its purge's cutoff`,
    );
  if (entry.patientIdHash && heldAt(records.holds, entry.patientIdHash, purge.seq))
    return {
      reason: 'held-entry-purged',
      detail: `entry ${entry.seq} was emptied while its patient was under legal hold`,
    };
  return undefined;
}
