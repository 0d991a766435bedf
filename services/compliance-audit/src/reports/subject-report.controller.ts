import { Controller, Inject, Param, Query, Res, Type } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { Response } from 'express';
import { AuditReport, AuditReportDoc } from './audit-report.decorator';
import { ReportQueryDto } from './report-query.dto';
import { ReportBody } from './report-response';
import { ReportSender } from './report-sender';
import { SubjectReport } from './subject-report';
import { ParseUuidParam } from '@thc/service-runtime';

/**
 * The controller of one subject report, `GET api/v1/audit/reports/<path>`: every report about a
 * patient or a staff member checks the caller's clinics, reads a page and sends it the same way;
 * only the path, its documentation and the query differ. Named `name`, so each keeps its own
 * operation ids in the API description.
 */
export function subjectReportController(
  name: string,
  path: string,
  doc: AuditReportDoc,
  report: Type<SubjectReport>,
): Type<unknown> {
  @ApiBearerAuth()
  @Controller('api/v1/audit/reports')
  class SubjectReportController {
    constructor(
      @Inject(report) private readonly query: SubjectReport,
      private readonly sender: ReportSender,
    ) {}

    @AuditReport(path, doc)
    async report(
      @Param(doc.param.name, ParseUuidParam) subjectId: string,
      @Query() query: ReportQueryDto,
      @Res({ passthrough: true }) response: Response,
      @CurrentPrincipal() principal: Principal,
    ): Promise<ReportBody> {
      await this.query.ensureInScope(principal, subjectId);
      const page = await this.query.page(subjectId, query, principal);
      return this.sender.send(response, page, query.format, `${this.query.fileName}-${subjectId}`);
    }
  }
  Object.defineProperty(SubjectReportController, 'name', { value: name });
  return SubjectReportController;
}
