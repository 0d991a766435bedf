import type { Counters } from './visit-contribution';

/** A counter of a summed vector; a counter no visit or message added is 0. */
export const counter = (counters: Readonly<Counters>, key: string): number => counters[key] ?? 0;

/** A ratio, or null when nothing is in its denominator. */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

/** A figure that is one counter as summed (by default the counter of its own name). */
export function countFigure<N extends string>(
  name: N,
  title: string,
  definition: string,
  key: string = name,
) {
  return {
    name,
    title,
    unit: 'count',
    definition,
    value: (k: Readonly<Counters>) => counter(k, key),
  } as const;
}

/** A figure that is one counter over another. */
export function ratioFigure<N extends string>(
  name: N,
  title: string,
  definition: string,
  numerator: string,
  denominator: string,
) {
  return {
    name,
    title,
    unit: 'ratio',
    definition,
    value: (k: Readonly<Counters>) => ratio(counter(k, numerator), counter(k, denominator)),
  } as const;
}
