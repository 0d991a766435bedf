import { DEFAULT_MIN_CELL_COUNT } from './visit-metrics/domain/small-cells';

/**
 * ANALYTICS_MIN_CELL_COUNT (default 11, 1 to 1000): the fewest visits or survey responses a
 * figure analysts see may be made of; smaller cells are withheld in the API, the CSV and the
 * dashboard. 1 turns suppression off (tests comparing exact figures).
 */
export function minCellCountFromEnv(
  read: (name: string) => string | undefined = (name) => process.env[name],
): number {
  const raw = read('ANALYTICS_MIN_CELL_COUNT');
  if (raw === undefined || raw === '') return DEFAULT_MIN_CELL_COUNT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1000)
    throw new Error('ANALYTICS_MIN_CELL_COUNT: must be an integer between 1 and 1000');
  return value;
}
