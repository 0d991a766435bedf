import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc, PhiRead } from '@thc/service-runtime';
import { Response } from 'express';
import { patientsInReport, render, ReportBody } from '../export/report-response';
import { REPORT_PHI, uuidParam } from '../../openapi/api-docs';
import { ApiReportResponse } from '../export/api-report-response';
import { reportHeaders } from '../export/send-report';
import { AuditReportReader } from '../query/audit-report.reader';
import { ReportQueryDto } from '../query/report-query.dto';

@ApiTags('audit reports')
@ApiBearerAuth()
@Controller('api/v1/audit/reports')
export class StaffAccessReportController {
  constructor(private readonly reader: AuditReportReader) {}

  @Get('staff/:staffId/phi-access')
  @Roles('auditor')
  @PhiRead({ resource: 'AuditEvent', action: 'search', patients: patientsInReport })
  @ApiUseCase({
    summary: 'Report every patient record a staff member read',
    description:
      'Every read of patient data by one staff member in a period, in chain order: which patient, which resource, in which service and for what purpose. Filter by period and service; page with `after`.',
    roles: ['auditor'],
    phi: REPORT_PHI,
    errors: { 400: invalidInputDoc({ ids: ['staffId'], query: true, purposeOfUse: true }) },
    params: { staffId: uuidParam('staffId', 'The staff member (the `sub` of their token)') },
  })
  @ApiReportResponse()
  async report(
    @Param('staffId', ParseUUIDPipe) staffId: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportBody> {
    const page = await this.reader.page({ phiAccess: true, 'actor.id': staffId }, query);
    reportHeaders(response, query.format, `staff-access-${staffId}`);
    return render(page, query.format);
  }
}
