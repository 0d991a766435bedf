import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { ApiUseCase, Clock, CLOCK, invalidInputDoc } from '@thc/service-runtime';
import {
  RECORD_CHANGED,
  STAFF_PARAM,
  STAFF_RECORD_PHI,
  uuidParamDoc,
  STAFF_SCOPE_403,
} from '../../openapi/api-docs';
import { uuidParam } from '../../shared/uuid-param';
import { StaffStatusView } from '../read-status/staff-status.view';
import { StaffCommandRunner } from '../shared/staff-command.runner';
import { REVOKE_CERTIFICATION_EXAMPLE, RevokeCertificationDto } from './revoke-certification.dto';
import { TRAINING_ACTING_ROLES } from '../../training.settings';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/certifications/:certificationId/revocation')
export class RevokeCertificationController {
  constructor(
    private readonly runner: StaffCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('trainer', 'admin')
  @ApiUseCase({
    summary: 'Revoke a certification',
    description:
      'Revokes an active certification (invalid evidence, a policy breach, an administrative error); a credential resting on it lapses at once.',
    roles: ['trainer', 'admin'],
    phi: STAFF_RECORD_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['staffId', 'certificationId'], v4: true, body: true }),
      403: STAFF_SCOPE_403,
      409: `The staff member is not enrolled, has no such certification, or it is already revoked or expired; ${RECORD_CHANGED}.`,
    },
    params: {
      ...STAFF_PARAM,
      certificationId: uuidParamDoc(
        'certificationId',
        "The certification, as the staff member's record lists it",
      ),
    },
    body: { type: RevokeCertificationDto, example: REVOKE_CERTIFICATION_EXAMPLE },
  })
  @ApiOkResponse({ type: StaffStatusView })
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
      by: actorOf(principal, TRAINING_ACTING_ROLES),
    });
  }
}
