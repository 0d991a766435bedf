import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc, PhiRead } from '@thc/service-runtime';
import { Response } from 'express';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { patientsInReport, ReportBody } from '../export/report-response';
import { ReportSender } from '../export/report-sender';
import { REPORT_PHI, uuidParam } from '../../openapi/api-docs';
import { ApiReportResponse } from '../export/api-report-response';
import { AuditReportReader } from '../query/audit-report.reader';
import { ReportQueryDto } from '../query/report-query.dto';

@ApiTags('audit reports')
@ApiBearerAuth()
@Controller('api/v1/audit/reports')
export class StaffAccessReportController {
  constructor(
    private readonly reader: AuditReportReader,
    private readonly reports: ReportSender,
    private readonly access: ClinicAccess,
  ) {}

  @Get('staff/:staffId/phi-access')
  @Roles('auditor')
  @PhiRead({ resource: 'AuditEvent', action: 'search', patients: patientsInReport })
  @ApiUseCase({
    summary: 'Report every patient record a staff member read',
    description:
      "Every read of patient data by one staff member in a period, in chain order: which patient, which resource, in which service and for what purpose. Filter by period and service; page with `after`. Only for a staff member of a clinic the auditor covers (their clinics in the directory), and only reads of patients with a visit in a clinic the auditor covers: the CSV export lists no other clinic's patients.",
    roles: ['auditor'],
    phi: REPORT_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['staffId'], query: true, purposeOfUse: true }),
      403: "The token's role is not one of: auditor; or the staff member works in no clinic the auditor covers.",
    },
    params: { staffId: uuidParam('staffId', 'The staff member (the `sub` of their token)') },
  })
  @ApiReportResponse()
  async report(
    @Param('staffId', ParseUUIDPipe) staffId: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReportBody> {
    await this.access.ensureStaffMember(principal, staffId);
    const page = await this.reader.page(
      { phiAccess: true, 'actor.id': staffId },
      query,
      undefined,
      async (entries) => {
        const patients = entries.flatMap((entry) => (entry.patientId ? [entry.patientId] : []));
        const covered = await this.access.coveredPatients(principal, patients);
        return (entry) => covered(entry.patientId);
      },
    );
    return this.reports.send(response, page, query.format, `staff-access-${staffId}`);
  }
}
