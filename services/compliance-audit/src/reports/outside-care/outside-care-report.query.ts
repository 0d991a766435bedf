import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { AUDIT_SETTINGS, AuditSettings } from '../../audit.settings';
import { CareLinks } from '../../care-links/care-links.projection';
import { AuditEntry } from '../../audit-trail/domain/audit-entry';
import { readByDuty, withinCare } from '../../violations/domain/access.rules';
import { AuditReportQuery, EntryPage } from '../audit-report.query';
import { ReportQueryDto } from '../report-query.dto';
import { SubjectReport } from '../subject-report';

/** Reads of a patient's data by staff with no care relationship with them at that moment. */
@Injectable()
export class OutsideCareReportQuery implements SubjectReport {
  readonly fileName = 'access-outside-care';

  constructor(
    private readonly entries: AuditReportQuery,
    private readonly care: CareLinks,
    private readonly access: ClinicAccess,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
  ) {}

  ensureInScope(principal: Principal, patientId: string): Promise<void> {
    return this.access.ensurePatientClinic(principal, patientId);
  }

  page(patientId: string, query: ReportQueryDto): Promise<EntryPage> {
    return this.entries.page({ phiAccess: true, patientId }, query, (entry) =>
      this.outsideCare(entry, patientId),
    );
  }

  private async outsideCare(entry: AuditEntry, patientId: string): Promise<boolean> {
    const actor = entry.actor;
    // Only the patient themself is left out by who they are: a record that says `patient`
    // for someone else's data is a read outside care like any other.
    if (actor?.kind !== 'user' || actor.id === patientId) return false;
    // Audit and legal reads are left out only when the role may read for them.
    if (entry.purpose && readByDuty(actor.role, entry.purpose)) return false;
    const relationship = await this.care.relationship(actor.id, patientId);
    return !withinCare(relationship, entry.occurredAt, this.settings.careDaysAfterVisit);
  }
}
