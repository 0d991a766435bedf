import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AnswerDoc, invalidInputDoc, PhiRead, UseCaseRoute } from '@thc/service-runtime';
import { REPORT_PHI, uuidParam } from '../openapi/api-docs';
import { patientsInReport } from './report-response';
import { ReportPage } from './report-row';

/** What tells one auditor report's route from another's. */
export interface AuditReportDoc {
  readonly summary: string;
  readonly description: string;
  /** The path parameter naming whom the report is about, and how the API describes it. */
  readonly param: { readonly name: 'patientId' | 'staffId'; readonly description: string };
  /** Why an auditor is refused (403): whom the report is about is outside their clinics. */
  readonly outOfScope: string;
}

/** A report's 200 in each of its formats, as `format` selects it. */
const REPORT_ANSWER: AnswerDoc = {
  description:
    'A page of the report, in chain order: rows as JSON (`format=json`, the default), a CSV download with a header line (`format=csv`), or a FHIR R4 searchset Bundle of AuditEvent resources (`format=fhir`). Never cached.',
  content: {
    'application/json': { schema: { $ref: getSchemaPath(ReportPage) } },
    'text/csv': {
      schema: { type: 'string' },
      example:
        'seq,occurredAt,action,actorId,actorName,role,patientId,resourceType,resourceId,purpose,service,outcome,eventType,eventId,traceId,correlationId,hash,recipient,disclosed,disclosedAt\r\n',
    },
    'application/fhir+json': {
      schema: { type: 'object', description: 'FHIR R4 Bundle (searchset) of AuditEvent' },
    },
  },
};

/**
 * An auditor report's route, `GET api/v1/audit/reports/<path>`: auditors only, paged, in JSON,
 * CSV or FHIR, and every patient it names recorded as read (purpose audit).
 */
export const AuditReport = (path: string, doc: AuditReportDoc): MethodDecorator =>
  applyDecorators(
    PhiRead({ resource: 'AuditEvent', action: 'search', patients: patientsInReport }),
    UseCaseRoute({
      method: 'GET',
      path,
      answer: REPORT_ANSWER,
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
    // The JSON answer's $ref names the page schema, so the document must hold it.
    ApiExtraModels(ReportPage),
    ApiTags('audit reports'),
  );
