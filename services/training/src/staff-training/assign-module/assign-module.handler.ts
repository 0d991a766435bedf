import { Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { ModuleRepository } from '../../catalog/infrastructure/module.repository';
import { currentModule } from '../current-module';
import { StaffCommandHandler } from '../staff-command.handler';
import { StaffStatusView } from '../staff-status.view';
import { AssignModuleDto } from './assign-module.dto';

/** A trainer assigns a catalog module, at its current version, to an enrolled staff member. */
@Injectable()
export class AssignModuleHandler {
  constructor(
    private readonly staff: StaffCommandHandler,
    private readonly modules: ModuleRepository,
  ) {}

  execute(staffId: string, dto: AssignModuleDto, principal: Principal): Promise<StaffStatusView> {
    return this.staff.execute(staffId, principal, async ({ at, by, newId }) => ({
      type: 'AssignModule',
      module: await currentModule(this.modules, dto.moduleId),
      assignmentId: newId(),
      reason: dto.reason,
      dueAt: new Date(dto.dueAt).toISOString(),
      at,
      by,
    }));
  }
}
