import type { TableRow } from '../domain/metrics-table';
import type { MetricName } from '../domain/metric-definitions';

const cell = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** What a withheld figure reads in the CSV, so it is not taken for an empty denominator. */
export const SUPPRESSED = 'suppressed';

/**
 * The table as RFC 4180 CSV: one row per period (and dimension), one column per metric; a
 * figure withheld as too small a cell reads `suppressed`.
 */
export function metricsCsv(rows: readonly TableRow[], metrics: readonly MetricName[]): string {
  const header = ['period', 'clinicId', 'providerId', 'visitType', ...metrics];
  const lines = rows.map((row) =>
    [
      row.period,
      row.clinicId,
      row.providerId,
      row.visitType,
      ...metrics.map((m) => (row.suppressed?.includes(m) ? SUPPRESSED : row.values[m])),
    ]
      .map(cell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
