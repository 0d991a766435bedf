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
import { uuidParam } from '../../shared/uuid-param';
import { StaffStatusView } from '../read-status/staff-status.view';
import { currentModule } from '../shared/current-module';
import { StaffCommandRunner } from '../shared/staff-command.runner';
import { RecordCompletionDto } from './record-completion.dto';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/completions')
export class RecordCompletionController {
  constructor(
    private readonly runner: StaffCommandRunner,
    private readonly modules: ModuleRepository,
    @Inject(TRAINING_CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('trainer', 'admin')
  @ApiOperation({
    summary:
      'Record an attempt, scored against the current version; a pass may grant a certification',
  })
  @ApiCreatedResponse({ type: StaffStatusView })
  @ApiConflictResponse({ description: 'Not enrolled, or no attempts left.' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown module, or completed in the future.' })
  async complete(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: RecordCompletionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.runner.run(staffId, principal, {
      type: 'RecordCompletion',
      module: await currentModule(this.modules, dto.moduleId),
      scorePercent: dto.scorePercent,
      completedAt: new Date(dto.completedAt).toISOString(),
      ...(dto.evidenceRef ? { evidenceRef: dto.evidenceRef } : {}),
      certificationId: randomUUID(),
      at: this.clock().toISOString(),
    });
  }
}
