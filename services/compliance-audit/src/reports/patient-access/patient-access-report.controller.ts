import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc, PhiRead } from '@thc/service-runtime';
import { Response } from 'express';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { patientsInReport, ReportBody } from '../export/report-response';
import { ReportSender } from '../export/report-sender';
import { PATIENT_PARAM, REPORT_PHI } from '../../openapi/api-docs';
import { ApiReportResponse } from '../export/api-report-response';
import { AuditReportReader } from '../query/audit-report.reader';
import { ReportQueryDto } from '../query/report-query.dto';
import { DISCLOSURE_RECORDED } from '../../disclosures/disclosure-log';

@ApiTags('audit reports')
@ApiBearerAuth()
@Controller('api/v1/audit/reports')
export class PatientAccessReportController {
  constructor(
    private readonly reader: AuditReportReader,
    private readonly reports: ReportSender,
    private readonly access: ClinicAccess,
  ) {}

  @Get('patients/:patientId/phi-access')
  @Roles('auditor')
  @PhiRead({ resource: 'AuditEvent', action: 'search', patients: patientsInReport })
  @ApiUseCase({
    summary: "Report every read and disclosure of a patient's data",
    description:
      "Accounting of disclosures: every read of one patient's data in a period, in chain order, by whom, in which service and for what purpose, and every disclosure to a party outside the health system (recipient, purpose, resource types disclosed). Filter by period and service; page with `after`. Only for a patient with a visit in a clinic the auditor covers.",
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
    // Reads inside the platform and disclosures to outside parties: the whole accounting.
    const page = await this.reader.page(
      { patientId, $or: [{ phiAccess: true }, { type: DISCLOSURE_RECORDED }] },
      query,
    );
    return this.reports.send(response, page, query.format, `phi-access-${patientId}`);
  }
}
