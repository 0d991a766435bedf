import { applyDecorators, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc, PhiRead } from '@thc/service-runtime';
import { REPORT_PHI, uuidParam } from '../openapi/api-docs';
import { ApiReportResponse } from './api-report-response';
import { patientsInReport } from './report-response';

/** What tells one auditor report's route from another's. */
export interface AuditReportDoc {
  readonly summary: string;
  readonly description: string;
  /** The path parameter naming whom the report is about, and how the API describes it. */
  readonly param: { readonly name: 'patientId' | 'staffId'; readonly description: string };
  /** Why an auditor is refused (403): whom the report is about is outside their clinics. */
  readonly outOfScope: string;
}

/**
 * An auditor report's route, `GET api/v1/audit/reports/<path>`: auditors only, paged, in JSON,
 * CSV or FHIR, and every patient it names recorded as read (purpose audit).
 */
export const AuditReport = (path: string, doc: AuditReportDoc): MethodDecorator =>
  applyDecorators(
    Get(path),
    ApiTags('audit reports'),
    Roles('auditor'),
    PhiRead({ resource: 'AuditEvent', action: 'search', patients: patientsInReport }),
    ApiUseCase({
      summary: doc.summary,
      description: doc.description,
      roles: ['auditor'],
      phi: REPORT_PHI,
      errors: {
        400: invalidInputDoc({ ids: [doc.param.name], query: true, purposeOfUse: true }),
        403: `The token's role is not one of: auditor; or ${doc.outOfScope}.`,
      },
      params: { [doc.param.name]: uuidParam(doc.param.name, doc.param.description) },
    }),
    ApiReportResponse(),
  );
