import { Injectable } from '@nestjs/common';
import { DISCLOSURE_RECORDED } from '../../disclosures/disclosure-log';
import { AuditReportQuery, EntryPage } from '../audit-report.query';
import { ReportQueryDto } from '../report-query.dto';

/** The accounting of a patient's data: reads inside the platform and disclosures outside it. */
@Injectable()
export class PatientAccessReportQuery {
  constructor(private readonly entries: AuditReportQuery) {}

  page(patientId: string, query: ReportQueryDto): Promise<EntryPage> {
    return this.entries.page(
      { patientId, $or: [{ phiAccess: true }, { type: DISCLOSURE_RECORDED }] },
      query,
    );
  }
}
