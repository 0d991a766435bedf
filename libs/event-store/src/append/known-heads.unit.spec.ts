import { KnownHeads } from './known-heads';

describe('KnownHeads', () => {
  it('keeps the highest version seen per stream', () => {
    const heads = new KnownHeads(10);
    heads.remember('a', 3);
    heads.remember('a', 2);
    expect(heads.get('a')).toBe(3);
    expect(heads.get('b')).toBeUndefined();
  });

  it('never records an empty stream, which needs no check anyway', () => {
    const heads = new KnownHeads(10);
    heads.remember('a', 0);
    expect(heads.get('a')).toBeUndefined();
  });

  it('forgets the least recently used stream beyond its capacity', () => {
    const heads = new KnownHeads(2);
    heads.remember('a', 1);
    heads.remember('b', 1);
    heads.get('a');
    heads.remember('c', 1);
    expect([heads.get('a'), heads.get('b'), heads.get('c')]).toEqual([1, undefined, 1]);
  });
});
