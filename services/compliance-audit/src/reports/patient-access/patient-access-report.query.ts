import { Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { DISCLOSURE_RECORDED } from '../../disclosures/disclosure-log';
import { AuditReportQuery, EntryPage } from '../audit-report.query';
import { ReportQueryDto } from '../report-query.dto';
import { SubjectReport } from '../subject-report';

/** The accounting of a patient's data: reads inside the platform and disclosures outside it. */
@Injectable()
export class PatientAccessReportQuery implements SubjectReport {
  readonly fileName = 'phi-access';

  constructor(
    private readonly entries: AuditReportQuery,
    private readonly access: ClinicAccess,
  ) {}

  ensureInScope(principal: Principal, patientId: string): Promise<void> {
    return this.access.ensurePatientClinic(principal, patientId);
  }

  page(patientId: string, query: ReportQueryDto): Promise<EntryPage> {
    return this.entries.page(
      { patientId, $or: [{ phiAccess: true }, { type: DISCLOSURE_RECORDED }] },
      query,
    );
  }
}
