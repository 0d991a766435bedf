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
import { Clock, TRAINING_CLOCK } from '../../clock/training-clock.module';
import { actorOf } from '../../shared/actor';
import { uuidParam } from '../../shared/uuid-param';
import { StaffStatusView } from '../read-status/staff-status.view';
import { StaffCommandRunner } from '../shared/staff-command.runner';
import { RecordCertificationDto } from './record-certification.dto';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/certifications')
export class RecordCertificationController {
  constructor(
    private readonly runner: StaffCommandRunner,
    @Inject(TRAINING_CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('trainer', 'admin')
  @ApiOperation({ summary: 'Record a certification earned elsewhere, with its issuer and expiry' })
  @ApiCreatedResponse({ type: StaffStatusView })
  @ApiConflictResponse({ description: 'Not enrolled.' })
  @ApiUnprocessableEntityResponse({ description: 'Expired already, or dates out of order.' })
  certify(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: RecordCertificationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.runner.run(staffId, principal, {
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
}
