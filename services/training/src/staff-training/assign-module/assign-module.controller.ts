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
import { actorOf } from '../../shared/actor';
import { uuidParam } from '../../shared/uuid-param';
import { StaffStatusView } from '../read-status/staff-status.view';
import { currentModule } from '../shared/current-module';
import { StaffCommandRunner } from '../shared/staff-command.runner';
import { AssignModuleDto } from './assign-module.dto';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/assignments')
export class AssignModuleController {
  constructor(
    private readonly runner: StaffCommandRunner,
    private readonly modules: ModuleRepository,
    @Inject(TRAINING_CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('trainer', 'admin')
  @ApiOperation({ summary: 'Assign a module by hand (current version), with a due date' })
  @ApiCreatedResponse({ type: StaffStatusView })
  @ApiConflictResponse({ description: 'Not enrolled, or the module is already assigned and open.' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown module, or a due date in the past.' })
  async assign(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: AssignModuleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.runner.run(staffId, principal, {
      type: 'AssignModule',
      module: await currentModule(this.modules, dto.moduleId),
      assignmentId: randomUUID(),
      reason: dto.reason,
      dueAt: new Date(dto.dueAt).toISOString(),
      at: this.clock().toISOString(),
      by: actorOf(principal),
    });
  }
}
