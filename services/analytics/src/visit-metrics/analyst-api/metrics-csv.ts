import type { NamedRow } from './metrics-table.query';
import type { MetricName } from '../domain/metric-definitions';

const cell = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

// A name a spreadsheet would take for a formula ("=HYPERLINK(...)") is kept as text (OWASP
// CSV injection): names come from the directory, typed by people.
const text = (name: string | undefined): string | undefined =>
  name && /^[=+\-@\t\r]/.test(name) ? `'${name}` : name;

/** What a withheld figure reads in the CSV, so it is not taken for an empty denominator. */
export const SUPPRESSED = 'suppressed';

/**
 * The table as RFC 4180 CSV: one row per period (and dimension), the clinic's and provider's
 * names beside their ids, one column per metric; a
 * figure withheld as too small a cell reads `suppressed`.
 */
export function metricsCsv(rows: readonly NamedRow[], metrics: readonly MetricName[]): string {
  const header = [
    'period',
    'clinicId',
    'clinicName',
    'providerId',
    'providerName',
    'visitType',
    ...metrics,
  ];
  const lines = rows.map((row) =>
    [
      row.period,
      row.clinicId,
      text(row.clinicName),
      row.providerId,
      text(row.providerName),
      row.visitType,
      ...metrics.map((m) => (row.suppressed?.includes(m) ? SUPPRESSED : row.values[m])),
    ]
      .map(cell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
