import { Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { ModuleRepository } from '../../catalog/infrastructure/module.repository';
import { currentModule } from '../current-module';
import { StaffCommandHandler } from '../staff-command.handler';
import { StaffStatusView } from '../staff-status.view';
import { RecordCompletionDto } from './record-completion.dto';

/** An attempt at a module, scored against the version current when it is recorded. */
@Injectable()
export class RecordCompletionHandler {
  constructor(
    private readonly staff: StaffCommandHandler,
    private readonly modules: ModuleRepository,
  ) {}

  execute(
    staffId: string,
    dto: RecordCompletionDto,
    principal: Principal,
  ): Promise<StaffStatusView> {
    return this.staff.execute(staffId, principal, async ({ at, newId }) => ({
      type: 'RecordCompletion',
      module: await currentModule(this.modules, dto.moduleId),
      scorePercent: dto.scorePercent,
      completedAt: new Date(dto.completedAt).toISOString(),
      ...(dto.evidenceRef ? { evidenceRef: dto.evidenceRef } : {}),
      certificationId: newId(),
      at,
    }));
  }
}
