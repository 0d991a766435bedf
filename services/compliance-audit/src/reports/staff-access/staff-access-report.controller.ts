import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@thc/auth';
import { PhiRead } from '@thc/service-runtime';
import { Response } from 'express';
import { patientsInReport, render, ReportBody } from '../export/report-response';
import { reportHeaders } from '../export/send-report';
import { AuditReportReader } from '../query/audit-report.reader';
import { ReportQueryDto } from '../query/report-query.dto';
import { ReportPage } from '../query/report-row';

@ApiTags('audit reports')
@ApiBearerAuth()
@Controller('api/v1/audit/reports')
export class StaffAccessReportController {
  constructor(private readonly reader: AuditReportReader) {}

  /** Every patient record one staff member read in a period. */
  @Get('staff/:staffId/phi-access')
  @Roles('auditor')
  @PhiRead({ resource: 'AuditEvent', action: 'search', patients: patientsInReport })
  @ApiProduces('application/json', 'text/csv', 'application/fhir+json')
  @ApiOkResponse({ type: ReportPage })
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
