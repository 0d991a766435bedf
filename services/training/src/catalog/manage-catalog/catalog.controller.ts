import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import { Clock, TRAINING_CLOCK } from '../../clock/training-clock.module';
import { ROLE_REQUIREMENTS, CERTIFICATION_SOURCES } from '../../requirements/role-requirements';
import { actorOf } from '../../shared/actor';
import { asHttp } from '../../shared/http-errors';
import { uuidParam } from '../../shared/uuid-param';
import { FanOutAssignments } from '../../staff-training/assign-module/fan-out-assignments';
import type { ModuleVersion } from '../domain/module.state';
import { ModuleRepository } from '../infrastructure/module.repository';
import { CreateModuleDto, PublishModuleVersionDto } from './catalog.dto';

@ApiTags('training catalog')
@ApiBearerAuth()
@Controller('api/v1/training')
export class CatalogController {
  constructor(
    private readonly modules: ModuleRepository,
    private readonly fanOut: FanOutAssignments,
    @Inject(TRAINING_CLOCK) private readonly clock: Clock,
  ) {}

  @Post('modules')
  @Roles('trainer', 'admin')
  @ApiOperation({
    summary: 'Create a module (version 1); staff whose role needs its topic get it assigned',
  })
  @ApiCreatedResponse({ description: 'The module as published.' })
  async create(
    @Body() dto: CreateModuleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModuleVersion> {
    const { module } = await asHttp(() =>
      this.modules.handle(
        {
          type: 'CreateModule',
          moduleId: randomUUID(),
          ...dto,
          at: this.clock().toISOString(),
          by: actorOf(principal),
        },
        { actor: principal.subject },
      ),
    );
    await this.fanOut.toRolesNeeding(module, principal);
    return module;
  }

  @Post('modules/:moduleId/versions')
  @Roles('trainer', 'admin')
  @ApiOperation({
    summary:
      'Publish the next version; with requiresRetraining, staff who passed it are assigned it again',
  })
  @ApiCreatedResponse({ description: 'The new current version.' })
  @ApiConflictResponse({ description: 'No such module.' })
  async publish(
    @Param('moduleId', uuidParam) moduleId: string,
    @Body() dto: PublishModuleVersionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModuleVersion> {
    const { module, requiresRetraining } = await asHttp(() =>
      this.modules.handle(
        {
          type: 'PublishModuleVersion',
          moduleId,
          ...dto,
          at: this.clock().toISOString(),
          by: actorOf(principal),
        },
        { actor: principal.subject },
      ),
    );
    if (requiresRetraining) await this.fanOut.toStaffWhoPassed(module, principal);
    return module;
  }

  @Get('modules')
  @Roles('trainer', 'admin', 'provider', 'coordinator')
  @ApiOperation({ summary: 'The catalog: every module at its current version' })
  list(): Promise<ModuleVersion[]> {
    return this.modules.list();
  }

  @Get('requirements')
  @Roles('trainer', 'admin', 'provider', 'coordinator')
  @ApiOperation({
    summary: 'What each role needs for a telehealth credential, with renewal periods',
  })
  requirements() {
    return { roles: ROLE_REQUIREMENTS, certifications: CERTIFICATION_SOURCES };
  }
}
