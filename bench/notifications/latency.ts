import { percentile } from '../platform/percentile';

/** Milliseconds one call took. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Latencies of one measured path beside those of its raw baseline, taken in the same run. */
export class Paired {
  readonly measured: number[] = [];
  readonly baseline: number[] = [];

  /** `p50 x ms, p99 y ms` of the baseline, then of the path with its ratios to it. */
  lines(label: string, baselineLabel: string): string[] {
    const [b50, b99, m50, m99] = [
      percentile(this.baseline, 0.5) ?? NaN,
      percentile(this.baseline, 0.99) ?? NaN,
      percentile(this.measured, 0.5) ?? NaN,
      percentile(this.measured, 0.99) ?? NaN,
    ];
    return [
      `  ${baselineLabel}: p50 ${b50.toFixed(2)} ms, p99 ${b99.toFixed(2)} ms`,
      `  ${label}: p50 ${m50.toFixed(2)} ms, p99 ${m99.toFixed(2)} ms = ${(m50 / b50).toFixed(1)}x / ${(m99 / b99).toFixed(1)}x the raw baseline (${this.measured.length} each)`,
    ];
  }
}
