import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc, PhiRead } from '@thc/service-runtime';
import { uuidParam, VIOLATION_PHI } from '../../openapi/api-docs';
import { patientsOf, toAlertView, ViolationAlert } from '../violation-alert.view';
import { asHttp } from './review-http-errors';
import { VIOLATION_NOTE_EXAMPLE, ViolationNoteDto } from './violation-note.dto';
import { ViolationAlerts } from '../violation-alerts.store';
import { ensureViolationInScope } from './violation-in-scope';
import { ViolationReview } from './violation-review';

@ApiTags('violations')
@ApiBearerAuth()
@Controller('api/v1/audit/violations')
export class AcknowledgeViolationController {
  constructor(
    private readonly review: ViolationReview,
    private readonly alerts: ViolationAlerts,
  ) {}

  @Post(':violationId/acknowledge')
  @HttpCode(200)
  @Roles('auditor', 'admin')
  @PhiRead({
    resource: 'DetectedIssue',
    patients: (r) => patientsOf([r as ViolationAlert]),
    resourceId: (r) => (r as ViolationAlert).violationId,
  })
  @ApiUseCase({
    summary: 'Acknowledge a violation',
    description:
      'Takes an open violation in hand, with a note; who and when are recorded. The step is chained into the audit trail and published on thc.compliance.v1; the note stays in this service.',
    roles: ['auditor', 'admin'],
    phi: `the violation after the step: ${VIOLATION_PHI}`,
    errors: {
      400: invalidInputDoc({ ids: ['violationId'], body: true, purposeOfUse: true }),
      403: "The token's role is not one of: auditor, admin; or the caller is the actor the violation is about (no one reviews their own case).",
      404: 'No violation with this id, or it belongs to no clinic the caller covers.',
      409: 'The violation is already acknowledged or resolved, or it changed at the same time (try again).',
    },
    params: {
      violationId: uuidParam('violationId', 'The violation, as the violation list shows it'),
    },
    body: { type: ViolationNoteDto, example: VIOLATION_NOTE_EXAMPLE },
  })
  @ApiOkResponse({ type: ViolationAlert, description: 'the violation after the step' })
  acknowledge(
    @Param('violationId', ParseUUIDPipe) violationId: string,
    @Body() dto: ViolationNoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ViolationAlert> {
    return asHttp(async () => {
      await ensureViolationInScope(this.alerts, principal, violationId);
      return toAlertView(
        await this.review.review('AcknowledgeViolation', violationId, dto.note, principal),
      );
    });
  }
}
