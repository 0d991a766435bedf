import { BatchPosition } from './batch-position';
import { completeBatchPrefix } from './complete-batch-prefix';

const batch = (start: number, end: number, upTo = end): BatchPosition[] =>
  Array.from({ length: upTo - start + 1 }, (_, i) => ({
    version: start + i,
    batchStart: start,
    batchEnd: end,
  }));

describe('completeBatchPrefix', () => {
  test.each<[string, BatchPosition[], number, number]>([
    ['an empty stream', [], 1, 0],
    ['single-event appends', [...batch(1, 1), ...batch(2, 2)], 1, 2],
    ['documents from before batches were recorded', [{ version: 1 }, { version: 2 }], 1, 2],
    ['a complete multi-event append', [...batch(1, 1), ...batch(2, 4)], 1, 4],
    ['a trailing append still being written', [...batch(1, 2), ...batch(3, 6, 4)], 1, 2],
    ['a gap', [...batch(1, 1), ...batch(3, 3)], 1, 1],
    ['a read whose first version is missing', [...batch(1, 1)], 2, 0],
    ['a read from the middle of an append', batch(1, 3).slice(1), 2, 2],
    [
      'debris of a removed append after a newer one',
      [...batch(1, 1), ...batch(2, 2), ...batch(1, 4).slice(2)],
      1,
      2,
    ],
    ['an append that starts inside an unfinished one', [...batch(1, 3, 2), ...batch(3, 3)], 1, 0],
  ])('%s', (_name, documents, from, visible) => {
    expect(completeBatchPrefix(documents, from)).toBe(visible);
  });
});
