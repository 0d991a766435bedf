import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc, PhiRead } from '@thc/service-runtime';
import { Response } from 'express';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { CareLinks } from '../../care-links/care-links.store';
import { PATIENT_PARAM, REPORT_PHI } from '../../openapi/api-docs';
import { AUDIT_SETTINGS, AuditSettings } from '../../shared/audit.settings';
import { readByDuty, withinCare } from '../../violations/domain/access.rules';
import { patientsInReport, ReportBody } from '../export/report-response';
import { ReportSender } from '../export/report-sender';
import { ApiReportResponse } from '../export/api-report-response';
import { AuditReportReader } from '../query/audit-report.reader';
import { ReportQueryDto } from '../query/report-query.dto';

@ApiTags('audit reports')
@ApiBearerAuth()
@Controller('api/v1/audit/reports')
export class OutsideCareReportController {
  constructor(
    private readonly reader: AuditReportReader,
    private readonly reports: ReportSender,
    private readonly care: CareLinks,
    private readonly access: ClinicAccess,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
  ) {}

  @Get('patients/:patientId/access-outside-care')
  @Roles('auditor')
  @PhiRead({ resource: 'AuditEvent', action: 'search', patients: patientsInReport })
  @ApiUseCase({
    summary: "Report reads of a patient's data outside care",
    description:
      "Reads of one patient's data by staff who had no appointment relationship with them at that moment (the patient's own reads, and reads for audit or legal purposes by an auditor, are left out; any other role claiming those purposes is reported). Filter by period and service; page with `after`. Only for a patient with a visit in a clinic the auditor covers.",
    roles: ['auditor'],
    phi: REPORT_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['patientId'], query: true, purposeOfUse: true }),
      403: "The token's role is not one of: auditor; or the patient has no visit in a clinic the auditor covers.",
    },
    params: PATIENT_PARAM,
  })
  @ApiReportResponse()
  async report(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReportBody> {
    await this.access.ensurePatientClinic(principal, patientId);
    const page = await this.reader.page({ phiAccess: true, patientId }, query, async (entry) => {
      const actor = entry.actor;
      // Only the patient themself is left out by who they are: a record that says `patient`
      // for someone else's data is a read outside care like any other.
      if (actor?.kind !== 'user' || actor.id === patientId) return false;
      // Audit and legal reads are left out only when the role may read for them.
      if (entry.purpose && readByDuty(actor.role, entry.purpose)) return false;
      const relationship = await this.care.relationship(actor.id, patientId);
      return !withinCare(relationship, entry.occurredAt, this.settings.careDaysAfterVisit);
    });
    return this.reports.send(response, page, query.format, `access-outside-care-${patientId}`);
  }
}
