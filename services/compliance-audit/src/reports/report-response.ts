import { ReportFormat } from './report-query.dto';
import { ReportPage, ReportRow } from './report-row';
import { CsvReport } from './csv-report';
import { patientsInBundle, toFhirBundle } from './fhir-audit-event';

/** A report in the requested format; CSV is sent as a text/csv download, the rest as JSON. */
export type ReportBody = ReportPage | CsvReport | object;

/** The rows of one page, where the next page starts, and the link that reads it. */
export interface RenderedPage {
  readonly rows: readonly ReportRow[];
  readonly next?: number;
  /** The full URL of the next page: this request's own, every parameter kept, `after` moved. */
  readonly nextUrl?: string;
}

export function render(page: RenderedPage, format: ReportFormat = 'json'): ReportBody {
  if (format === 'csv') return new CsvReport(page.rows);
  if (format === 'fhir') return toFhirBundle(page.rows, page.nextUrl);
  return { items: page.rows, ...(page.next === undefined ? {} : { next: page.next }) };
}

/** Which patients a rendered report names: each gets a PhiAccessed record (purpose audit). */
export function patientsInReport(body: unknown): string[] {
  if (body instanceof CsvReport) return [...body.patients];
  const value = body as { items?: { patientId?: string }[]; resourceType?: string };
  if (value.resourceType === 'Bundle')
    return patientsInBundle(body as Parameters<typeof patientsInBundle>[0]);
  return (value.items ?? []).flatMap((row) => (row.patientId ? [row.patientId] : []));
}
