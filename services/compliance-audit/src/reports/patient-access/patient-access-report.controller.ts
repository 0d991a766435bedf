import { Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { Response } from 'express';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { AuditReport } from '../audit-report.decorator';
import { ReportQueryDto } from '../report-query.dto';
import { ReportBody } from '../report-response';
import { ReportSender } from '../report-sender';
import { PatientAccessReportQuery } from './patient-access-report.query';

@ApiBearerAuth()
@Controller('api/v1/audit/reports')
export class PatientAccessReportController {
  constructor(
    private readonly entries: PatientAccessReportQuery,
    private readonly reports: ReportSender,
    private readonly access: ClinicAccess,
  ) {}

  @AuditReport('patients/:patientId/phi-access', {
    summary: "Report every read and disclosure of a patient's data",
    description:
      "Accounting of disclosures: every read of one patient's data in a period, in chain order, by whom, in which service and for what purpose, and every disclosure to a party outside the health system (recipient, purpose, resource types disclosed). Filter by period and service; page with `after`. Only for a patient with a visit in a clinic the auditor covers.",
    param: { name: 'patientId', description: 'The patient (the `sub` of their token)' },
    outOfScope: 'the patient has no visit in a clinic the auditor covers',
  })
  async report(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReportBody> {
    await this.access.ensurePatientClinic(principal, patientId);
    const page = await this.entries.page(patientId, query);
    return this.reports.send(response, page, query.format, `phi-access-${patientId}`);
  }
}
