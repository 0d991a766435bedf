import { BatchPosition, batchEndOf } from './batch-position';
import { completeBatchPrefix } from './complete-batch-prefix';

export interface PendingPosition extends BatchPosition {
  readonly streamId: string;
}

export interface PublishableSelection<T> {
  /** Complete appends, in (streamId, version) order: safe to publish. */
  readonly ready: readonly T[];
  /** Appends known to be unfinished: in flight, or abandoned when old. Never published. */
  readonly unfinished: readonly T[];
  /** The page ended inside this append, so the page alone cannot tell whether it is complete. */
  readonly cut?: { readonly streamId: string; readonly from: number; readonly to: number };
}

/**
 * Splits a page of pending events, sorted by (streamId, version), into what the relay may
 * publish and what it must not yet. A stream stops at its first unfinished append, so
 * nothing is ever published ahead of an event that readers do not see yet.
 */
export function selectPublishable<T extends PendingPosition>(
  page: readonly T[],
  pageIsFull: boolean,
): PublishableSelection<T> {
  const ready: T[] = [];
  const unfinished: T[] = [];
  let cut: PublishableSelection<T>['cut'];
  const streams = groupByStream(page);
  streams.forEach(([first, ...others], index) => {
    const events = [first, ...others];
    const complete = completeBatchPrefix(events, first.version);
    ready.push(...events.slice(0, complete));
    const [held, ...after] = events.slice(complete);
    if (!held) return;
    if (pageIsFull && index === streams.length - 1) {
      cut = { streamId: held.streamId, from: held.version, to: batchEndOf(held) };
    } else {
      unfinished.push(held, ...after);
    }
  });
  return cut ? { ready, unfinished, cut } : { ready, unfinished };
}

function groupByStream<T extends PendingPosition>(page: readonly T[]): [T, ...T[]][] {
  const streams: [T, ...T[]][] = [];
  const ordered = [...page].sort((a, b) =>
    a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : a.version - b.version,
  );
  for (const event of ordered) {
    const last = streams[streams.length - 1];
    if (last && last[0].streamId === event.streamId) last.push(event);
    else streams.push([event]);
  }
  return streams;
}
