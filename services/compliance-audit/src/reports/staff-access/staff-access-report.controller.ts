import { Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { Response } from 'express';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { AuditReport } from '../audit-report.decorator';
import { ReportQueryDto } from '../report-query.dto';
import { ReportBody } from '../report-response';
import { ReportSender } from '../report-sender';
import { StaffAccessReportQuery } from './staff-access-report.query';

@ApiBearerAuth()
@Controller('api/v1/audit/reports')
export class StaffAccessReportController {
  constructor(
    private readonly entries: StaffAccessReportQuery,
    private readonly reports: ReportSender,
    private readonly access: ClinicAccess,
  ) {}

  @AuditReport('staff/:staffId/phi-access', {
    summary: 'Report every patient record a staff member read',
    description:
      "Every read of patient data by one staff member in a period, in chain order: which patient, which resource, in which service and for what purpose. Filter by period and service; page with `after`. Only for a staff member of a clinic the auditor covers (their clinics in the directory), and only reads of patients with a visit in a clinic the auditor covers: the CSV export lists no other clinic's patients.",
    param: { name: 'staffId', description: 'The staff member (the `sub` of their token)' },
    outOfScope: 'the staff member works in no clinic the auditor covers',
  })
  async report(
    @Param('staffId', ParseUUIDPipe) staffId: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReportBody> {
    await this.access.ensureStaffMember(principal, staffId);
    const page = await this.entries.page(staffId, query, principal);
    return this.reports.send(response, page, query.format, `staff-access-${staffId}`);
  }
}
