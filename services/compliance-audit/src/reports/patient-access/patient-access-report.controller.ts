import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc, PhiRead } from '@thc/service-runtime';
import { Response } from 'express';
import { patientsInReport, render, ReportBody } from '../export/report-response';
import { PATIENT_PARAM, REPORT_PHI } from '../../openapi/api-docs';
import { ApiReportResponse } from '../export/api-report-response';
import { reportHeaders } from '../export/send-report';
import { AuditReportReader } from '../query/audit-report.reader';
import { ReportQueryDto } from '../query/report-query.dto';
import { DISCLOSURE_RECORDED } from '../../disclosures/disclosure-log';

@ApiTags('audit reports')
@ApiBearerAuth()
@Controller('api/v1/audit/reports')
export class PatientAccessReportController {
  constructor(private readonly reader: AuditReportReader) {}

  @Get('patients/:patientId/phi-access')
  @Roles('auditor')
  @PhiRead({ resource: 'AuditEvent', action: 'search', patients: patientsInReport })
  @ApiUseCase({
    summary: "Report every read and disclosure of a patient's data",
    description:
      "Accounting of disclosures: every read of one patient's data in a period, in chain order, by whom, in which service and for what purpose, and every disclosure to a party outside the health system (recipient, purpose, resource types disclosed). Filter by period and service; page with `after`.",
    roles: ['auditor'],
    phi: REPORT_PHI,
    errors: { 400: invalidInputDoc({ ids: ['patientId'], query: true, purposeOfUse: true }) },
    params: PATIENT_PARAM,
  })
  @ApiReportResponse()
  async report(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportBody> {
    // Reads inside the platform and disclosures to outside parties: the whole accounting.
    const page = await this.reader.page(
      { patientId, $or: [{ phiAccess: true }, { type: DISCLOSURE_RECORDED }] },
      query,
    );
    reportHeaders(response, query.format, `phi-access-${patientId}`);
    return render(page, query.format);
  }
}
