import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { uuidParam } from '../../uuid-param';
import { StaffCommandRoute } from '../staff-command.route';
import { StaffStatusView } from '../staff-status.view';
import { RecordCertificationHandler } from './record-certification.handler';
import { RECORD_CERTIFICATION_EXAMPLE, RecordCertificationDto } from './record-certification.dto';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/certifications')
export class RecordCertificationController {
  constructor(private readonly handler: RecordCertificationHandler) {}

  @StaffCommandRoute({
    summary: 'Record a certification earned elsewhere',
    description:
      'Records a certification from an outside issuer (e.g. Certified Telehealth Coordinator) with its issue date, expiry and evidence; the credential follows.',
    conflict: 'The staff member is not enrolled',
    unprocessable:
      '`issuedAt` is in the future, `expiresAt` is not after `issuedAt`, or the certification has already expired.',
    body: { type: RecordCertificationDto, example: RECORD_CERTIFICATION_EXAMPLE },
  })
  certify(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: RecordCertificationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.handler.execute(staffId, dto, principal);
  }
}
