import { Response } from 'express';
import { ReportFormat } from './report-query.dto';

/** Sets the content type of a report: CSV as a download, the rest as JSON. */
export function reportHeaders(
  response: Response,
  format: ReportFormat | undefined,
  name: string,
): void {
  if (format === 'csv') {
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
  } else if (format === 'fhir') {
    response.setHeader('content-type', 'application/fhir+json; charset=utf-8');
  }
  // Reports carry PHI: never cached by browsers or proxies.
  response.setHeader('cache-control', 'no-store');
}
