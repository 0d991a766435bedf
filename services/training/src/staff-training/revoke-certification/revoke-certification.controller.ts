import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { Clock, TRAINING_CLOCK } from '../../clock/training-clock.module';
import { actorOf } from '../../shared/actor';
import { uuidParam } from '../../shared/uuid-param';
import { StaffStatusView } from '../read-status/staff-status.view';
import { StaffCommandRunner } from '../shared/staff-command.runner';
import { RevokeCertificationDto } from './revoke-certification.dto';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/certifications/:certificationId/revocation')
export class RevokeCertificationController {
  constructor(
    private readonly runner: StaffCommandRunner,
    @Inject(TRAINING_CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('trainer', 'admin')
  @ApiOperation({ summary: 'Revoke a certification; a credential resting on it lapses' })
  @ApiOkResponse({ type: StaffStatusView })
  @ApiConflictResponse({ description: 'Unknown, already revoked or expired.' })
  revoke(
    @Param('staffId', uuidParam) staffId: string,
    @Param('certificationId', uuidParam) certificationId: string,
    @Body() dto: RevokeCertificationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.runner.run(staffId, principal, {
      type: 'RevokeCertification',
      certificationId,
      reason: dto.reason,
      at: this.clock().toISOString(),
      by: actorOf(principal),
    });
  }
}
