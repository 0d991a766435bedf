import { BatchPosition } from './batch-position';
import { completeBatchPrefix } from './complete-batch-prefix';

export interface CollidingDocument extends BatchPosition {
  readonly _id: string;
  readonly recordedAt: Date;
}

/** What an append found in its way when the unique (streamId, version) index refused it. */
export type CollisionFinding =
  /** A complete append follows the version the writer started from: the stream moved on. */
  | { readonly kind: 'moved' }
  /** Nothing is in the way any more (the other writer cleaned up after itself): try again. */
  | { readonly kind: 'clear' }
  /** An unfinished append that is still young: another writer is inserting it right now. */
  | { readonly kind: 'inFlight' }
  /** Only debris of appends whose writers died: remove these documents, then try again. */
  | { readonly kind: 'abandoned'; readonly ids: readonly string[] };

/**
 * Judges the documents after `base` (the version the append started from), sorted by
 * version. When the read was cut short (`truncated`), debris is never assumed: the rest might
 * complete what was read.
 */
export function inspectCollision(
  after: readonly CollidingDocument[],
  base: number,
  truncated: boolean,
  abandonedBefore: Date,
): CollisionFinding {
  if (after.length === 0) return { kind: 'clear' };
  if (completeBatchPrefix(after, base + 1) > 0) return { kind: 'moved' };
  if (truncated || after.some((document) => document.recordedAt > abandonedBefore))
    return { kind: 'inFlight' };
  return { kind: 'abandoned', ids: after.map((document) => document._id) };
}
