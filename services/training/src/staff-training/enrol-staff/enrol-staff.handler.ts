import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { CatalogProjection } from '../../catalog/infrastructure/catalog.projection';
import { requiredTopics } from '../../requirements/role-requirements';
import { TRAINING_SETTINGS, TrainingSettings } from '../../training.settings';
import { StaffCommandHandler } from '../staff-command.handler';
import { StaffStatusView } from '../staff-status.view';
import { EnrolStaffDto } from './enrol-staff.dto';

const DAY_MS = 86_400_000;

/**
 * Enrols a staff member in a role and team, with the catalog's modules the role needs, due at
 * the date given or in `TRAINING_ASSIGNMENT_DUE_DAYS`.
 */
@Injectable()
export class EnrolStaffHandler {
  constructor(
    private readonly staff: StaffCommandHandler,
    private readonly catalog: CatalogProjection,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  execute(staffId: string, dto: EnrolStaffDto, principal: Principal): Promise<StaffStatusView> {
    return this.staff.execute(staffId, principal, async ({ now, at, by, newId }) => {
      const modules = await this.catalog.forTopics(requiredTopics(dto.role));
      const defaultDue = new Date(now.getTime() + this.settings.assignmentDueDays * DAY_MS);
      return {
        type: 'EnrolStaff',
        staffId,
        role: dto.role,
        teamId: dto.teamId,
        required: modules.map((module) => ({ module, assignmentId: newId() })),
        dueAt: dto.dueAt ? new Date(dto.dueAt).toISOString() : defaultDue.toISOString(),
        at,
        by,
      };
    });
  }
}
