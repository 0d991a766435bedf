import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { ViolationAlert } from '../violation-alert.view';
import { ReviewStep } from './review-step.decorator';
import { ViolationNoteDto } from './violation-note.dto';
import { ViolationReview } from './violation-review';
import { ParseUuidParam } from '@thc/service-runtime';

@ApiTags('violations')
@ApiBearerAuth()
@Controller('api/v1/audit/violations')
export class ReviewViolationController {
  constructor(private readonly review: ViolationReview) {}

  @ReviewStep('acknowledge', {
    summary: 'Acknowledge a violation',
    description: 'Takes an open violation in hand, with a note; who and when are recorded.',
    conflict: 'The violation is already acknowledged or resolved',
  })
  acknowledge(
    @Param('violationId', ParseUuidParam) violationId: string,
    @Body() dto: ViolationNoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ViolationAlert> {
    return this.review.step('AcknowledgeViolation', violationId, dto.note, principal);
  }

  @ReviewStep('resolve', {
    summary: 'Resolve a violation',
    description: 'Closes an open or acknowledged violation, with a note; final.',
    conflict: 'The violation is already resolved',
  })
  resolve(
    @Param('violationId', ParseUuidParam) violationId: string,
    @Body() dto: ViolationNoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ViolationAlert> {
    return this.review.step('ResolveViolation', violationId, dto.note, principal);
  }
}
