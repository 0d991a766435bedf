import { ReportRow } from './report-row';

const COLUMNS: readonly (keyof ReportRow)[] = [
  'seq',
  'occurredAt',
  'action',
  'actorId',
  'actorName',
  'role',
  'patientId',
  'resourceType',
  'resourceId',
  'purpose',
  'service',
  'outcome',
  'eventType',
  'eventId',
  'traceId',
  'correlationId',
  'hash',
  'recipient',
  'disclosed',
  'disclosedAt',
];

// A cell a spreadsheet would run as a formula is prefixed with ' (OWASP CSV injection): names
// come from the directory, typed by people, and other cells from events.
function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header line; CRLF line ends. */
export function toCsv(rows: readonly ReportRow[]): string {
  const lines = [
    COLUMNS.join(','),
    ...rows.map((row) => COLUMNS.map((c) => cell(row[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
