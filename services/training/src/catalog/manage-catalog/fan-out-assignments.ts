import { Inject, Injectable, Logger } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { requiredTopics, STAFF_ROLES } from '../../requirements/role-requirements';
import { TrainingStateError } from '../../staff-training/domain/staff-training.errors';
import {
  StaffStatusDocument,
  StaffStatusProjection,
} from '../../staff-training/infrastructure/staff-status.projection';
import { StaffTrainingRepository } from '../../staff-training/infrastructure/staff-training.repository';
import {
  TRAINING_SETTINGS,
  TrainingSettings,
  TRAINING_ACTING_ROLES,
} from '../../training.settings';
import type { ModuleVersion } from '../domain/module.state';

const DAY_MS = 86_400_000;

/**
 * Assigns a catalog change to the staff it concerns: a new module to every enrolled staff
 * member whose role needs its topic, a version that requires retraining to everyone who
 * passed the module. Staff who already have it open are skipped.
 */
@Injectable()
export class FanOutAssignments {
  private readonly logger = new Logger(FanOutAssignments.name);

  constructor(
    private readonly staff: StaffTrainingRepository,
    private readonly status: StaffStatusProjection,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  async toRolesNeeding(module: ModuleVersion, principal: Principal): Promise<void> {
    const roles = STAFF_ROLES.filter((role) => requiredTopics(role).includes(module.topic));
    await this.assign(await this.status.inRoles(roles), module, 'role-requirement', principal);
  }

  async toStaffWhoPassed(module: ModuleVersion, principal: Principal): Promise<void> {
    await this.assign(
      await this.status.whoPassed(module.moduleId),
      module,
      'retraining',
      principal,
    );
  }

  private async assign(
    staff: readonly StaffStatusDocument[],
    module: ModuleVersion,
    reason: 'role-requirement' | 'retraining',
    principal: Principal,
  ): Promise<void> {
    const now = this.clock();
    for (const member of staff) {
      if (member.assignments.some((a) => a.moduleId === module.moduleId && a.status === 'open'))
        continue;
      await this.staff
        .handle(
          member._id,
          {
            type: 'AssignModule',
            module,
            assignmentId: this.newId(),
            reason,
            dueAt: new Date(now.getTime() + this.settings.assignmentDueDays * DAY_MS).toISOString(),
            at: now.toISOString(),
            by: actorOf(principal, TRAINING_ACTING_ROLES),
          },
          { actor: principal.subject },
        )
        .catch((error: unknown) => {
          if (!(error instanceof TrainingStateError)) throw error;
          this.logger.debug(`${member._id}: ${error.message}`);
        });
    }
  }
}
