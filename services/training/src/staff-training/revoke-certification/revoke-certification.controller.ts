import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { uuidParamDoc } from '../../openapi/api-docs';
import { uuidParam } from '../../uuid-param';
import { StaffCommandRoute } from '../staff-command.route';
import { StaffStatusView } from '../staff-status.view';
import { RevokeCertificationHandler } from './revoke-certification.handler';
import { REVOKE_CERTIFICATION_EXAMPLE, RevokeCertificationDto } from './revoke-certification.dto';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/certifications/:certificationId/revocation')
export class RevokeCertificationController {
  constructor(private readonly handler: RevokeCertificationHandler) {}

  @StaffCommandRoute({
    summary: 'Revoke a certification',
    description:
      'Revokes an active certification (invalid evidence, a policy breach, an administrative error); a credential resting on it lapses at once.',
    conflict:
      'The staff member is not enrolled, has no such certification, or it is already revoked or expired',
    params: {
      certificationId: uuidParamDoc(
        'certificationId',
        "The certification, as the staff member's record lists it",
      ),
    },
    status: 200,
    body: { type: RevokeCertificationDto, example: REVOKE_CERTIFICATION_EXAMPLE },
  })
  revoke(
    @Param('staffId', uuidParam) staffId: string,
    @Param('certificationId', uuidParam) certificationId: string,
    @Body() dto: RevokeCertificationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.handler.execute(staffId, certificationId, dto, principal);
  }
}
