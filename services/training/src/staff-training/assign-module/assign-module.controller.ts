import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { uuidParam } from '../../uuid-param';
import { StaffCommandRoute } from '../staff-command.route';
import { StaffStatusView } from '../staff-status.view';
import { AssignModuleHandler } from './assign-module.handler';
import { ASSIGN_MODULE_EXAMPLE, AssignModuleDto } from './assign-module.dto';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/assignments')
export class AssignModuleController {
  constructor(private readonly handler: AssignModuleHandler) {}

  @StaffCommandRoute({
    summary: 'Assign a module by hand',
    description:
      'Assigns a catalog module at its current version to an enrolled staff member, due at `dueAt`; also how a trainer reopens a module after the maximum of failed attempts.',
    conflict:
      'The staff member is not enrolled, or already has the module assigned and not yet passed',
    unprocessable: 'No module `moduleId` in the catalog, or `dueAt` is not in the future.',
    body: { type: AssignModuleDto, example: ASSIGN_MODULE_EXAMPLE },
  })
  assign(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: AssignModuleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.handler.execute(staffId, dto, principal);
  }
}
