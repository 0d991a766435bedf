import { ExpectedVersion } from './stored-event';

/** A stream changed between load and append; the caller may reload and decide again. */
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
