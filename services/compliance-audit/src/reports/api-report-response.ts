import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { ReportPage } from './report-row';

/** A report's 200 in each of its formats, as `format` selects it. */
export const ApiReportResponse = (): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(ReportPage),
    ApiOkResponse({
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
    }),
  );
