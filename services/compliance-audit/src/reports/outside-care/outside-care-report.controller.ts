import { Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { Response } from 'express';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { AuditReport } from '../audit-report.decorator';
import { ReportQueryDto } from '../report-query.dto';
import { ReportBody } from '../report-response';
import { ReportSender } from '../report-sender';
import { OutsideCareReportQuery } from './outside-care-report.query';

@ApiBearerAuth()
@Controller('api/v1/audit/reports')
export class OutsideCareReportController {
  constructor(
    private readonly entries: OutsideCareReportQuery,
    private readonly reports: ReportSender,
    private readonly access: ClinicAccess,
  ) {}

  @AuditReport('patients/:patientId/access-outside-care', {
    summary: "Report reads of a patient's data outside care",
    description:
      "Reads of one patient's data by staff who had no appointment relationship with them at that moment (the patient's own reads, and reads for audit or legal purposes by an auditor, are left out; any other role claiming those purposes is reported). Filter by period and service; page with `after`. Only for a patient with a visit in a clinic the auditor covers.",
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
    return this.reports.send(response, page, query.format, `access-outside-care-${patientId}`);
  }
}
