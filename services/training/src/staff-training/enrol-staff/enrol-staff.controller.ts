import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import { ModuleRepository } from '../../catalog/infrastructure/module.repository';
import { Clock, TRAINING_CLOCK } from '../../clock/training-clock.module';
import { requiredTopics } from '../../requirements/role-requirements';
import { actorOf } from '../../shared/actor';
import { uuidParam } from '../../shared/uuid-param';
import { TRAINING_SETTINGS, TrainingSettings } from '../../training.settings';
import { StaffStatusView } from '../read-status/staff-status.view';
import { StaffCommandRunner } from '../shared/staff-command.runner';
import { EnrolStaffDto } from './enrol-staff.dto';

const DAY_MS = 86_400_000;

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/enrolment')
export class EnrolStaffController {
  constructor(
    private readonly runner: StaffCommandRunner,
    private readonly modules: ModuleRepository,
    @Inject(TRAINING_CLOCK) private readonly clock: Clock,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  @Post()
  @Roles('trainer', 'admin')
  @ApiOperation({
    summary: 'Enrol a staff member in a role; the modules the role needs are assigned',
  })
  @ApiCreatedResponse({ type: StaffStatusView })
  @ApiConflictResponse({ description: 'Already enrolled.' })
  @ApiUnprocessableEntityResponse({ description: 'A due date in the past.' })
  async enrol(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: EnrolStaffDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    const now = this.clock();
    const modules = await this.modules.forTopics(requiredTopics(dto.role));
    const defaultDue = new Date(now.getTime() + this.settings.assignmentDueDays * DAY_MS);
    return this.runner.run(staffId, principal, {
      type: 'EnrolStaff',
      staffId,
      role: dto.role,
      teamId: dto.teamId,
      required: modules.map((module) => ({ module, assignmentId: randomUUID() })),
      dueAt: dto.dueAt ? new Date(dto.dueAt).toISOString() : defaultDue.toISOString(),
      at: now.toISOString(),
      by: actorOf(principal),
    });
  }
}
