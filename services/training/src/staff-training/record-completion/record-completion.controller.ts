import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
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
import { RECORD_COMPLETION_EXAMPLE, RecordCompletionDto } from './record-completion.dto';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/completions')
export class RecordCompletionController {
  constructor(
    private readonly runner: StaffCommandRunner,
    private readonly modules: ModuleRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('trainer', 'admin')
  @ApiUseCase({
    summary: 'Record an attempt at a module',
    description:
      "Records an attempt, scored against the module's current pass mark. A pass closes the open assignment and grants a certification once every module it rests on is passed; the credential follows.",
    roles: ['trainer', 'admin'],
    phi: STAFF_RECORD_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['staffId'], v4: true, body: true }),
      403: STAFF_SCOPE_403,
      409: `The staff member is not enrolled, or has no attempts left on the module until a trainer assigns it again; ${RECORD_CHANGED}.`,
      422: 'No module `moduleId` in the catalog, or `completedAt` is in the future.',
    },
    params: STAFF_PARAM,
    body: { type: RecordCompletionDto, example: RECORD_COMPLETION_EXAMPLE },
  })
  @ApiCreatedResponse({ type: StaffStatusView })
  async complete(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: RecordCompletionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.runner.run(staffId, principal, async () => ({
      type: 'RecordCompletion',
      module: await currentModule(this.modules, dto.moduleId),
      scorePercent: dto.scorePercent,
      completedAt: new Date(dto.completedAt).toISOString(),
      ...(dto.evidenceRef ? { evidenceRef: dto.evidenceRef } : {}),
      certificationId: randomUUID(),
      at: this.clock().toISOString(),
    }));
  }
}
