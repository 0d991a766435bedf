import { EntryPage } from '../query/audit-report.reader';
import { ReportFormat } from '../query/report-query.dto';
import { ReportPage, toRow } from '../query/report-row';
import { CsvReport } from './csv-report';
import { patientsInBundle, toFhirBundle } from './fhir-audit-event';

/** A report in the requested format; CSV is sent as a text/csv download, the rest as JSON. */
export type ReportBody = ReportPage | CsvReport | object;

export function render(page: EntryPage, format: ReportFormat = 'json'): ReportBody {
  const rows = page.entries.map(toRow);
  if (format === 'csv') return new CsvReport(rows);
  if (format === 'fhir')
    return toFhirBundle(rows, page.next === undefined ? undefined : `?after=${page.next}`);
  return { items: rows, ...(page.next === undefined ? {} : { next: page.next }) };
}

/** Which patients a rendered report names: each gets a PhiAccessed record (purpose audit). */
export function patientsInReport(body: unknown): string[] {
  if (body instanceof CsvReport) return [...body.patients];
  const value = body as { items?: { patientId?: string }[]; resourceType?: string };
  if (value.resourceType === 'Bundle')
    return patientsInBundle(body as Parameters<typeof patientsInBundle>[0]);
  return (value.items ?? []).flatMap((row) => (row.patientId ? [row.patientId] : []));
}
