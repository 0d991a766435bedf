import { BatchPosition, batchEndOf, batchStartOf } from './batch-position';

/**
 * How many of `documents` (one stream, sorted by version, the first expected at `from`) form
 * complete, contiguous appends. This is what readers see. What follows is an append still
 * being written, one whose writer died, or debris of one; readers never show it.
 *
 * A read that starts inside an append (`from` past its first version) trusts the part before
 * `from`: ordered inserts write an append front to back, so its earlier documents exist.
 */
export function completeBatchPrefix(documents: readonly BatchPosition[], from: number): number {
  let visible = 0;
  let open: { start: number; end: number } | undefined;
  for (const [index, document] of documents.entries()) {
    const start = batchStartOf(document);
    const end = batchEndOf(document);
    if (document.version !== from + index || start > document.version || end < document.version)
      break;
    const continuesOpen = open !== undefined && start === open.start && end === open.end;
    const opensBatch =
      open === undefined && (start === document.version || (index === 0 && start < from));
    if (!continuesOpen && !opensBatch) break;
    open = { start, end };
    if (document.version === end) {
      visible = index + 1;
      open = undefined;
    }
  }
  return visible;
}
