import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { StaffScope } from '../directory/staff-scope';
import { asHttp } from '../http-errors';
import { TRAINING_ACTING_ROLES } from '../training.settings';
import type { StaffTrainingCommand } from './domain/staff-training.commands';
import type { Actor } from './domain/staff-training.events';
import { StaffTrainingRepository } from './infrastructure/staff-training.repository';
import { StaffStatusView, viewOfState } from './staff-status.view';

/** What a command of a caller is stamped with: now, who acts, and where new ids come from. */
export interface CommandContext {
  readonly now: Date;
  readonly at: string;
  readonly by: Actor;
  readonly newId: IdProvider;
}

/**
 * Runs a staff command for an HTTP caller within their clinic scope (403 for a staff member of
 * no clinic they cover, before anything is written): domain errors become problems, the result
 * a view. Each use case's handler says which command.
 */
@Injectable()
export class StaffCommandHandler {
  constructor(
    private readonly staff: StaffTrainingRepository,
    private readonly scope: StaffScope,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  async execute(
    staffId: string,
    principal: Principal,
    command: (context: CommandContext) => StaffTrainingCommand | Promise<StaffTrainingCommand>,
  ): Promise<StaffStatusView> {
    // Scope first: a caller outside the staff member's clinics learns nothing, not even
    // whether the module they name exists.
    await this.scope.ensureCovers(principal, staffId);
    const now = this.clock();
    const decided = await command({
      now,
      at: now.toISOString(),
      by: actorOf(principal, TRAINING_ACTING_ROLES),
      newId: this.newId,
    });
    const handled = await asHttp(() =>
      this.staff.handle(staffId, decided, { actor: principal.subject }),
    );
    const view = viewOfState(staffId, handled);
    if (!view) throw new Error('a handled staff command left no enrolled record');
    return view;
  }
}
