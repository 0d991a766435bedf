import { applyDecorators } from '@nestjs/common';
import { invalidInputDoc, PhiRead, UseCaseRoute } from '@thc/service-runtime';
import { uuidParam, VIOLATION_PHI } from '../../openapi/api-docs';
import { patientsOf, ViolationAlert } from '../violation-alert.view';
import { VIOLATION_NOTE_EXAMPLE, ViolationNoteDto } from './violation-note.dto';

/** What tells one review step's route from the other's in the API documentation. */
export interface ReviewStepDoc {
  readonly summary: string;
  readonly description: string;
  /** When the step answers 409. */
  readonly conflict: string;
}

/**
 * A review step's route, `POST :violationId/<step>`: both steps admit the same roles, take a
 * note, record the same PHI read and answer the violation after the step.
 */
export const ReviewStep = (step: string, doc: ReviewStepDoc): MethodDecorator =>
  applyDecorators(
    PhiRead({
      resource: 'DetectedIssue',
      patients: (r) => patientsOf([r as ViolationAlert]),
      resourceId: (r) => (r as ViolationAlert).violationId,
    }),
    UseCaseRoute({
      method: 'POST',
      path: `:violationId/${step}`,
      status: 200,
      answer: { type: ViolationAlert, description: 'the violation after the step' },
      summary: doc.summary,
      description: `${doc.description} The step is chained into the audit trail and published on thc.compliance.v1; the note stays in this service.`,
      roles: ['auditor', 'admin'],
      phi: `the violation after the step: ${VIOLATION_PHI}`,
      errors: {
        400: invalidInputDoc({ ids: ['violationId'], body: true, purposeOfUse: true }),
        403: "The token's role is not one of: auditor, admin; or the caller is the actor the violation is about (no one reviews their own case).",
        404: 'No violation with this id, or it belongs to no clinic the caller covers.',
        409: `${doc.conflict}, or it changed at the same time (try again).`,
      },
      params: {
        violationId: uuidParam('violationId', 'The violation, as the violation list shows it'),
      },
      body: { type: ViolationNoteDto, example: VIOLATION_NOTE_EXAMPLE },
    }),
  );
