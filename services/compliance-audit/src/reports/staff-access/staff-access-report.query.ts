import { Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { AuditReportQuery, EntryPage } from '../audit-report.query';
import { ReportQueryDto } from '../report-query.dto';
import { SubjectReport } from '../subject-report';

/** One staff member's reads of patient data, of the patients the caller covers only. */
@Injectable()
export class StaffAccessReportQuery implements SubjectReport {
  readonly fileName = 'staff-access';

  constructor(
    private readonly entries: AuditReportQuery,
    private readonly access: ClinicAccess,
  ) {}

  ensureInScope(principal: Principal, staffId: string): Promise<void> {
    return this.access.ensureStaffMember(principal, staffId);
  }

  page(staffId: string, query: ReportQueryDto, principal: Principal): Promise<EntryPage> {
    return this.entries.page(
      { phiAccess: true, 'actor.id': staffId },
      query,
      undefined,
      async (entries) => {
        const patients = entries.flatMap((entry) => (entry.patientId ? [entry.patientId] : []));
        const covered = await this.access.coveredPatients(principal, patients);
        return (entry) => covered(entry.patientId);
      },
    );
  }
}
