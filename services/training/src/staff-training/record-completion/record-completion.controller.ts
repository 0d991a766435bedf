import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { uuidParam } from '../../uuid-param';
import { StaffCommandRoute } from '../staff-command.route';
import { StaffStatusView } from '../staff-status.view';
import { RecordCompletionHandler } from './record-completion.handler';
import { RECORD_COMPLETION_EXAMPLE, RecordCompletionDto } from './record-completion.dto';

@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training/staff/:staffId/completions')
export class RecordCompletionController {
  constructor(private readonly handler: RecordCompletionHandler) {}

  @StaffCommandRoute({
    summary: 'Record an attempt at a module',
    description:
      "Records an attempt, scored against the module's current pass mark. A pass closes the open assignment and grants a certification once every module it rests on is passed; the credential follows.",
    conflict:
      'The staff member is not enrolled, or has no attempts left on the module until a trainer assigns it again',
    unprocessable: 'No module `moduleId` in the catalog, or `completedAt` is in the future.',
    body: { type: RecordCompletionDto, example: RECORD_COMPLETION_EXAMPLE },
  })
  complete(
    @Param('staffId', uuidParam) staffId: string,
    @Body() dto: RecordCompletionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.handler.execute(staffId, dto, principal);
  }
}
