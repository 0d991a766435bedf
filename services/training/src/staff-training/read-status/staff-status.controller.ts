import {
  Controller,
  ForbiddenException,
  Get,
  Inject,
  NotFoundException,
  Param,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, hasAnyRole, Principal, Roles } from '@thc/auth';
import { Clock, TRAINING_CLOCK } from '../../clock/training-clock.module';
import { uuidParam } from '../../shared/uuid-param';
import { StaffStatusStore } from '../infrastructure/staff-status.store';
import { StaffTrainingRepository } from '../infrastructure/staff-training.repository';
import { teamCompliance, TeamComplianceView } from './team-compliance';
import { StaffStatusView, viewOfState } from './staff-status.view';

/** Staff see their own record; trainers and admins see anyone's and their team's compliance. */
@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training')
export class StaffStatusController {
  constructor(
    private readonly staff: StaffTrainingRepository,
    private readonly status: StaffStatusStore,
    @Inject(TRAINING_CLOCK) private readonly clock: Clock,
  ) {}

  @Get('me')
  @Roles('provider', 'coordinator', 'trainer', 'admin')
  @ApiOperation({ summary: 'My assignments, certifications and credential' })
  @ApiOkResponse({ type: StaffStatusView })
  me(@CurrentPrincipal() principal: Principal): Promise<StaffStatusView> {
    return this.read(principal.subject);
  }

  @Get('staff/:staffId')
  @Roles('provider', 'coordinator', 'trainer', 'admin')
  @ApiOperation({ summary: "A staff member's record (trainers, admins, or the staff member)" })
  @ApiOkResponse({ type: StaffStatusView })
  one(
    @Param('staffId', uuidParam) staffId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    if (!hasAnyRole(principal, ['trainer', 'admin']) && principal.subject !== staffId)
      throw new ForbiddenException('staff may read only their own training record');
    return this.read(staffId);
  }

  @Get('teams/:teamId/compliance')
  @Roles('trainer', 'admin')
  @ApiOperation({
    summary: "A team's compliance: each member's credential and overdue assignments",
  })
  @ApiOkResponse({ type: TeamComplianceView })
  async team(@Param('teamId', uuidParam) teamId: string): Promise<TeamComplianceView> {
    return teamCompliance(teamId, await this.status.team(teamId), this.clock());
  }

  // From the stream, not the status document: a record just written reads as written.
  private async read(staffId: string): Promise<StaffStatusView> {
    const view = viewOfState(staffId, await this.staff.load(staffId));
    if (!view)
      throw new NotFoundException(`staff member ${staffId} is not enrolled in telehealth training`);
    return view;
  }
}
