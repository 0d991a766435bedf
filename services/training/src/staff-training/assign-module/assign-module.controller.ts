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
import { uuidParam } from '../../shared/uuid-param';
import { StaffStatusView } from '../read-status/staff-status.view';
import { currentModule } from '../shared/current-module';
import { StaffCommandRunner } from '../shared/staff-command.runner';
import { ASSIGN_MODULE_EXAMPLE, AssignModuleDto } from './assign-module.dto';
import { TRAINING_ACTING_ROLES } from '../../training.settings';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/assignments')
export class AssignModuleController {
  constructor(
    private readonly runner: StaffCommandRunner,
    private readonly modules: ModuleRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('trainer', 'admin')
  @ApiUseCase({
    summary: 'Assign a module by hand',
    description:
      'Assigns a catalog module at its current version to an enrolled staff member, due at `dueAt`; also how a trainer reopens a module after the maximum of failed attempts.',
    roles: ['trainer', 'admin'],
    phi: STAFF_RECORD_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['staffId'], v4: true, body: true }),
      403: STAFF_SCOPE_403,
      409: `The staff member is not enrolled, or already has the module assigned and not yet passed; ${RECORD_CHANGED}.`,
      422: 'No module `moduleId` in the catalog, or `dueAt` is not in the future.',
    },
    params: STAFF_PARAM,
    body: { type: AssignModuleDto, example: ASSIGN_MODULE_EXAMPLE },
  })
  @ApiCreatedResponse({ type: StaffStatusView })
  async assign(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: AssignModuleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.runner.run(staffId, principal, async () => ({
      type: 'AssignModule',
      module: await currentModule(this.modules, dto.moduleId),
      assignmentId: randomUUID(),
      reason: dto.reason,
      dueAt: new Date(dto.dueAt).toISOString(),
      at: this.clock().toISOString(),
      by: actorOf(principal, TRAINING_ACTING_ROLES),
    }));
  }
}
