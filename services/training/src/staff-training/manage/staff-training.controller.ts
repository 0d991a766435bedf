import {
  Body,
  Controller,
  HttpCode,
  Inject,
  Param,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import type { ModuleVersion } from '../../catalog/domain/module.state';
import { ModuleRepository } from '../../catalog/infrastructure/module.repository';
import { Clock, TRAINING_CLOCK } from '../../clock/training-clock.module';
import { requiredTopics } from '../../requirements/role-requirements';
import { actorOf } from '../../shared/actor';
import { asHttp } from '../../shared/http-errors';
import { uuidParam } from '../../shared/uuid-param';
import { TRAINING_SETTINGS, TrainingSettings } from '../../training.settings';
import type { StaffTrainingCommand } from '../domain/staff-training.commands';
import { StaffTrainingRepository } from '../infrastructure/staff-training.repository';
import { StaffStatusView, viewOfState } from '../read-status/staff-status.view';
import {
  AssignModuleDto,
  EnrolStaffDto,
  RecordCertificationDto,
  RecordCompletionDto,
  RevokeCertificationDto,
} from '../staff-training.dto';

const DAY_MS = 86_400_000;

/** What trainers (and admins) do to a staff member's training record. */
@ApiTags('staff training')
@ApiBearerAuth()
@ApiConflictResponse({ description: 'Not enrolled, already done, or no attempts left.' })
@ApiUnprocessableEntityResponse({ description: 'Dates or scores that break a rule.' })
@Controller('api/v1/training/staff/:staffId')
export class StaffTrainingController {
  constructor(
    private readonly staff: StaffTrainingRepository,
    private readonly modules: ModuleRepository,
    @Inject(TRAINING_CLOCK) private readonly clock: Clock,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  @Post('enrolment')
  @Roles('trainer', 'admin')
  @ApiOperation({
    summary: 'Enrol a staff member in a role; the modules the role needs are assigned',
  })
  @ApiCreatedResponse({ type: StaffStatusView })
  async enrol(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: EnrolStaffDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    const now = this.clock();
    const modules = await this.modules.forTopics(requiredTopics(dto.role));
    return this.run(staffId, principal, {
      type: 'EnrolStaff',
      staffId,
      role: dto.role,
      teamId: dto.teamId,
      required: modules.map((module) => ({ module, assignmentId: randomUUID() })),
      dueAt:
        dto.dueAt ??
        new Date(now.getTime() + this.settings.assignmentDueDays * DAY_MS).toISOString(),
      at: now.toISOString(),
      by: actorOf(principal),
    });
  }

  @Post('assignments')
  @Roles('trainer', 'admin')
  @ApiOperation({ summary: 'Assign a module by hand, with a due date' })
  @ApiCreatedResponse({ type: StaffStatusView })
  async assign(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: AssignModuleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.run(staffId, principal, {
      type: 'AssignModule',
      module: await this.module(dto.moduleId),
      assignmentId: randomUUID(),
      reason: dto.reason,
      dueAt: dto.dueAt,
      at: this.clock().toISOString(),
      by: actorOf(principal),
    });
  }

  @Post('completions')
  @Roles('trainer', 'admin')
  @ApiOperation({
    summary: 'Record an attempt: scored against the current version, may grant a certification',
  })
  @ApiCreatedResponse({ type: StaffStatusView })
  async complete(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: RecordCompletionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.run(staffId, principal, {
      type: 'RecordCompletion',
      module: await this.module(dto.moduleId),
      scorePercent: dto.scorePercent,
      completedAt: new Date(dto.completedAt).toISOString(),
      ...(dto.evidenceRef ? { evidenceRef: dto.evidenceRef } : {}),
      certificationId: randomUUID(),
      at: this.clock().toISOString(),
    });
  }

  @Post('certifications')
  @Roles('trainer', 'admin')
  @ApiOperation({ summary: 'Record a certification earned elsewhere, with issuer and expiry' })
  @ApiCreatedResponse({ type: StaffStatusView })
  certify(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: RecordCertificationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.run(staffId, principal, {
      type: 'RecordExternalCertification',
      certificationId: randomUUID(),
      kind: dto.kind,
      issuer: dto.issuer,
      issuedAt: new Date(dto.issuedAt).toISOString(),
      expiresAt: new Date(dto.expiresAt).toISOString(),
      evidenceRef: dto.evidenceRef,
      at: this.clock().toISOString(),
      by: actorOf(principal),
    });
  }

  @Post('certifications/:certificationId/revocation')
  @HttpCode(200)
  @Roles('trainer', 'admin')
  @ApiOperation({ summary: 'Revoke a certification; a credential resting on it lapses' })
  @ApiOkResponse({ type: StaffStatusView })
  revoke(
    @Param('staffId', uuidParam) staffId: string,
    @Param('certificationId', uuidParam) certificationId: string,
    @Body() dto: RevokeCertificationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.run(staffId, principal, {
      type: 'RevokeCertification',
      certificationId,
      reason: dto.reason,
      at: this.clock().toISOString(),
      by: actorOf(principal),
    });
  }

  private async module(moduleId: string): Promise<ModuleVersion> {
    const module = await this.modules.current(moduleId);
    if (!module)
      throw new UnprocessableEntityException(`moduleId: no module ${moduleId} in the catalog`);
    return module;
  }

  private async run(
    staffId: string,
    principal: Principal,
    command: StaffTrainingCommand,
  ): Promise<StaffStatusView> {
    const handled = await asHttp(() =>
      this.staff.handle(staffId, command, { actor: principal.subject }),
    );
    const view = viewOfState(staffId, handled);
    if (!view) throw new Error('a handled staff command left no enrolled record');
    return view;
  }
}
