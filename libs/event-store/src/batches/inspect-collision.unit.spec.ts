import { CollidingDocument, inspectCollision } from './inspect-collision';

const OLD = new Date('2025-01-01T00:00:00Z');
const YOUNG = new Date('2025-01-01T00:10:00Z');
const CUTOFF = new Date('2025-01-01T00:05:00Z');

const doc = (
  version: number,
  batchStart: number,
  batchEnd: number,
  recordedAt = OLD,
): CollidingDocument => ({
  _id: `e${version}`,
  version,
  batchStart,
  batchEnd,
  recordedAt,
});

describe('inspectCollision', () => {
  test.each<[string, CollidingDocument[], boolean, string]>([
    ['nothing after the base', [], false, 'clear'],
    ['a complete append after the base', [doc(4, 4, 4)], false, 'moved'],
    ['a complete append followed by debris', [doc(4, 4, 4), doc(5, 5, 7)], false, 'moved'],
    ['a young unfinished append', [doc(4, 4, 6, YOUNG), doc(5, 4, 6, YOUNG)], false, 'inFlight'],
    ['an old unfinished append, read only in part', [doc(4, 4, 6), doc(5, 4, 6)], true, 'inFlight'],
    ['an old unfinished append', [doc(4, 4, 6), doc(5, 4, 6)], false, 'abandoned'],
  ])('%s', (_name, after, truncated, kind) => {
    expect(inspectCollision(after, 3, truncated, CUTOFF).kind).toBe(kind);
  });

  it('names every abandoned document for removal', () => {
    expect(inspectCollision([doc(4, 4, 6), doc(5, 4, 6)], 3, false, CUTOFF)).toEqual({
      kind: 'abandoned',
      ids: ['e4', 'e5'],
    });
  });
});
