import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, Clock, CLOCK, invalidInputDoc } from '@thc/service-runtime';
import { randomUUID } from 'node:crypto';
import {
  RECORD_CHANGED,
  STAFF_PARAM,
  STAFF_RECORD_PHI,
  STAFF_SCOPE_403,
} from '../../openapi/api-docs';
import { uuidParam } from '../../shared/uuid-param';
import { StaffStatusView } from '../read-status/staff-status.view';
import { StaffCommandRunner } from '../shared/staff-command.runner';
import { RECORD_CERTIFICATION_EXAMPLE, RecordCertificationDto } from './record-certification.dto';
import { TRAINING_ACTING_ROLES } from '../../training.settings';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/certifications')
export class RecordCertificationController {
  constructor(
    private readonly runner: StaffCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('trainer', 'admin')
  @ApiUseCase({
    summary: 'Record a certification earned elsewhere',
    description:
      'Records a certification from an outside issuer (e.g. Certified Telehealth Coordinator) with its issue date, expiry and evidence; the credential follows.',
    roles: ['trainer', 'admin'],
    phi: STAFF_RECORD_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['staffId'], v4: true, body: true }),
      403: STAFF_SCOPE_403,
      409: `The staff member is not enrolled; ${RECORD_CHANGED}.`,
      422: '`issuedAt` is in the future, `expiresAt` is not after `issuedAt`, or the certification has already expired.',
    },
    params: STAFF_PARAM,
    body: { type: RecordCertificationDto, example: RECORD_CERTIFICATION_EXAMPLE },
  })
  @ApiCreatedResponse({ type: StaffStatusView })
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
      by: actorOf(principal, TRAINING_ACTING_ROLES),
    });
  }
}
