import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, Clock, CLOCK, invalidInputDoc } from '@thc/service-runtime';
import { randomUUID } from 'node:crypto';
import { ModuleRepository } from '../../catalog/infrastructure/module.repository';
import {
  RECORD_CHANGED,
  STAFF_PARAM,
  STAFF_RECORD_PHI,
  STAFF_SCOPE_403,
} from '../../openapi/api-docs';
import { requiredTopics } from '../../requirements/role-requirements';
import { uuidParam } from '../../shared/uuid-param';
import {
  TRAINING_SETTINGS,
  TrainingSettings,
  TRAINING_ACTING_ROLES,
} from '../../training.settings';
import { StaffStatusView } from '../read-status/staff-status.view';
import { StaffCommandRunner } from '../shared/staff-command.runner';
import { ENROL_STAFF_EXAMPLE, EnrolStaffDto } from './enrol-staff.dto';

const DAY_MS = 86_400_000;

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/enrolment')
export class EnrolStaffController {
  constructor(
    private readonly runner: StaffCommandRunner,
    private readonly modules: ModuleRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  @Post()
  @Roles('trainer', 'admin')
  @ApiUseCase({
    summary: 'Enrol a staff member in a role',
    description:
      "Starts a staff member's telehealth training in a role and team, and assigns the catalog modules the role needs, due at `dueAt` (default: in `TRAINING_ASSIGNMENT_DUE_DAYS`).",
    roles: ['trainer', 'admin'],
    phi: STAFF_RECORD_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['staffId'], v4: true, body: true }),
      403: STAFF_SCOPE_403,
      409: `The staff member is already enrolled; ${RECORD_CHANGED}.`,
      422: '`dueAt` is not in the future.',
    },
    params: STAFF_PARAM,
    body: { type: EnrolStaffDto, example: ENROL_STAFF_EXAMPLE },
  })
  @ApiCreatedResponse({ type: StaffStatusView })
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
      by: actorOf(principal, TRAINING_ACTING_ROLES),
    });
  }
}
