import { ExpectedVersion } from './stored-event';

/**
 * A stream changed between load and append, or another append to it is in flight; the caller
 * may reload and decide again. `actual` is the visible version when it is known.
 */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | 'unknown',
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, found ${String(actual)}`);
  }
}
