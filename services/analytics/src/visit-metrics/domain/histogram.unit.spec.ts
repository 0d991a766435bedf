import { binKey, binOf, binRange, HISTOGRAMS, quantile } from './histogram';

const spec = HISTOGRAMS.wait;
const counted = (values: number[]) => {
  const counters: Record<string, number> = {};
  for (const v of values)
    counters[binKey(spec, binOf(spec, v))] = (counters[binKey(spec, binOf(spec, v))] ?? 0) + 1;
  return counters;
};

describe('mergeable histograms', () => {
  it('puts a value in the first bin whose upper edge it does not exceed', () => {
    expect(binOf(spec, 0)).toBe(0);
    expect(binOf(spec, 30)).toBe(0);
    expect(binOf(spec, 31)).toBe(1);
    expect(binOf(spec, 99_999)).toBe(spec.edges.length);
  });

  it.each([0.5, 0.9])('reads the %s quantile within the bin of the exact value', (q) => {
    const values = Array.from({ length: 101 }, (_, i) => i * 17);
    const exact = [...values].sort((a, b) => a - b)[Math.ceil(q * values.length) - 1]!;
    const [low, high] = binRange(spec, binOf(spec, exact));
    const read = quantile(spec, counted(values), q)!;
    expect(read).toBeGreaterThanOrEqual(low);
    expect(read).toBeLessThanOrEqual(high);
  });

  it('gives the same quantile for two halves added bin by bin as for the whole', () => {
    const a = counted([10, 200, 400]);
    const b = counted([50, 900, 1300, 4000]);
    const merged: Record<string, number> = { ...a };
    for (const [k, v] of Object.entries(b)) merged[k] = (merged[k] ?? 0) + v;
    expect(quantile(spec, merged, 0.5)).toBe(
      quantile(spec, counted([10, 200, 400, 50, 900, 1300, 4000]), 0.5),
    );
  });

  it('has no quantile without values', () => {
    expect(quantile(spec, {}, 0.5)).toBeNull();
  });
});
