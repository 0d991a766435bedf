import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { uuidParam } from '../../uuid-param';
import { StaffCommandRoute } from '../staff-command.route';
import { StaffStatusView } from '../staff-status.view';
import { EnrolStaffHandler } from './enrol-staff.handler';
import { ENROL_STAFF_EXAMPLE, EnrolStaffDto } from './enrol-staff.dto';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/enrolment')
export class EnrolStaffController {
  constructor(private readonly handler: EnrolStaffHandler) {}

  @StaffCommandRoute({
    summary: 'Enrol a staff member in a role',
    description:
      "Starts a staff member's telehealth training in a role and team, and assigns the catalog modules the role needs, due at `dueAt` (default: in `TRAINING_ASSIGNMENT_DUE_DAYS`).",
    conflict: 'The staff member is already enrolled',
    unprocessable: '`dueAt` is not in the future.',
    body: { type: EnrolStaffDto, example: ENROL_STAFF_EXAMPLE },
  })
  enrol(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: EnrolStaffDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.handler.execute(staffId, dto, principal);
  }
}
