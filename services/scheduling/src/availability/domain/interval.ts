/** A half-open span of time [start, end) in epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

export const MINUTE = 60_000;

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** `from` without the parts covered by `cut`; pieces stay in order. */
export function subtract(from: readonly Interval[], cut: Interval): Interval[] {
  return from.flatMap((piece) => {
    if (!overlaps(piece, cut)) return [piece];
    const left = { start: piece.start, end: cut.start };
    const right = { start: cut.end, end: piece.end };
    return [left, right].filter((rest) => rest.end > rest.start);
  });
}

/** The interval widened by buffers: the time a visit keeps the provider busy. */
export function padded(interval: Interval, beforeMinutes: number, afterMinutes: number): Interval {
  return {
    start: interval.start - beforeMinutes * MINUTE,
    end: interval.end + afterMinutes * MINUTE,
  };
}
