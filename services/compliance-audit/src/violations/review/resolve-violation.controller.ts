import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { PhiRead } from '@thc/service-runtime';
import { patientsOf, toAlertView, ViolationAlert } from '../violation-alert.view';
import { asHttp } from './review-http-errors';
import { ViolationNoteDto } from './violation-note.dto';
import { ViolationReview } from './violation-review';

@ApiTags('violations')
@ApiBearerAuth()
@Controller('api/v1/audit/violations')
export class ResolveViolationController {
  constructor(private readonly review: ViolationReview) {}

  /** Closes an open or acknowledged violation, with a note; final. Chained into the audit trail and published on thc.compliance.v1. */
  @Post(':violationId/resolve')
  @HttpCode(200)
  @Roles('auditor', 'admin')
  @PhiRead({
    resource: 'DetectedIssue',
    patients: (r) => patientsOf([r as ViolationAlert]),
    resourceId: (r) => (r as ViolationAlert).violationId,
  })
  @ApiOkResponse({ type: ViolationAlert, description: 'the violation after the step' })
  @ApiBadRequestResponse({ description: 'malformed id or note' })
  @ApiNotFoundResponse({ description: 'no such violation' })
  @ApiConflictResponse({ description: 'already resolved' })
  resolve(
    @Param('violationId', ParseUUIDPipe) violationId: string,
    @Body() dto: ViolationNoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ViolationAlert> {
    return asHttp(async () =>
      toAlertView(await this.review.review('ResolveViolation', violationId, dto.note, principal)),
    );
  }
}
