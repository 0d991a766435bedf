import { StreamableFile } from '@nestjs/common';
import { ReportRow } from './report-row';
import { toCsv } from './audit-csv';

/**
 * A CSV download together with the patients its rows name. The PHI access record takes the
 * patients from here, read off the rows, because the CSV text cannot be split back into its
 * rows reliably: a quoted cell may hold commas, quotes or line breaks.
 */
export class CsvReport extends StreamableFile {
  readonly patients: readonly string[];

  constructor(rows: readonly ReportRow[]) {
    super(Buffer.from(toCsv(rows), 'utf8'));
    this.patients = [...new Set(rows.flatMap((row) => (row.patientId ? [row.patientId] : [])))];
  }
}
