/**
 * Mergeable histograms: a value is counted in the first bin whose upper edge it does not
 * exceed. Two histograms with the same edges add bin by bin, so a month is the sum of its
 * days and a percentile never needs the raw values.
 */
export interface HistogramSpec {
  /** Counter-name stem: bin i of `wait` is the counter `wait_h<i>`. */
  readonly key: string;
  /** Upper bin edges, ascending; the last bin is open-ended. */
  readonly edges: readonly number[];
}

export const HISTOGRAMS = {
  /** Seconds: waiting room, provider lateness, time to resolve a technical issue. */
  wait: { key: 'wait', edges: [30, 60, 120, 180, 300, 420, 600, 900, 1200, 1800, 2700, 3600] },
  late: { key: 'late', edges: [0, 30, 60, 120, 180, 300, 420, 600, 900, 1200, 1800, 3600] },
  resolve: { key: 'resolve', edges: [30, 60, 120, 180, 300, 600, 900, 1800, 3600, 7200] },
  /** Minutes of visit. */
  duration: { key: 'dur', edges: [5, 10, 15, 20, 25, 30, 40, 50, 60, 90, 120] },
  /** Hours from booking to visit. */
  lead: { key: 'lead', edges: [1, 4, 12, 24, 48, 72, 168, 336, 720, 1440, 2160, 4320] },
  /** Mean opinion score, 1 to 4.5 (E-model). */
  mos: { key: 'mos', edges: [1.5, 2, 2.5, 3, 3.25, 3.5, 3.75, 4, 4.1, 4.2, 4.3, 4.4, 4.5] },
} as const satisfies Record<string, HistogramSpec>;

/** Index of the bin `value` falls in. */
export function binOf(spec: HistogramSpec, value: number): number {
  const index = spec.edges.findIndex((edge) => value <= edge);
  return index === -1 ? spec.edges.length : index;
}

export function binKey(spec: HistogramSpec, bin: number): string {
  return `${spec.key}_h${bin}`;
}

/** The lower and upper edge of a bin (the open last bin reports its lower edge twice). */
export function binRange(spec: HistogramSpec, bin: number): readonly [number, number] {
  const lower = bin === 0 ? Math.min(0, spec.edges[0] ?? 0) : (spec.edges[bin - 1] ?? 0);
  const upper = spec.edges[bin] ?? lower;
  return [lower, upper];
}

/**
 * The q-quantile (0 < q < 1) read from bin counts: the bin holding the ceil(q * n)-th value,
 * interpolated linearly within it. Accurate to the width of that bin; null without values.
 */
export function quantile(
  spec: HistogramSpec,
  counters: Readonly<Record<string, number>>,
  q: number,
): number | null {
  const counts = Array.from(
    { length: spec.edges.length + 1 },
    (_, bin) => counters[binKey(spec, bin)] ?? 0,
  );
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [bin, count] of counts.entries()) {
    if (seen + count >= rank) {
      const [lower, upper] = binRange(spec, bin);
      return lower + ((upper - lower) * (rank - seen)) / count;
    }
    seen += count;
  }
  return null;
}
