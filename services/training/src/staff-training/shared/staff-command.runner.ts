import { Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { StaffScope } from '../../directory/staff-scope';
import { asHttp } from '../../shared/http-errors';
import type { StaffTrainingCommand } from '../domain/staff-training.commands';
import { StaffTrainingRepository } from '../infrastructure/staff-training.repository';
import { StaffStatusView, viewOfState } from '../read-status/staff-status.view';

/**
 * Runs a staff command for an HTTP caller within their clinic scope (403 for a staff member of
 * no clinic they cover, before anything is written): domain errors become problems, the result
 * a view.
 */
@Injectable()
export class StaffCommandRunner {
  constructor(
    private readonly staff: StaffTrainingRepository,
    private readonly scope: StaffScope,
  ) {}

  async run(
    staffId: string,
    principal: Principal,
    command: StaffTrainingCommand | (() => Promise<StaffTrainingCommand>),
  ): Promise<StaffStatusView> {
    // Scope first: a caller outside the staff member's clinics learns nothing, not even
    // whether the module they name exists.
    await this.scope.ensureCovers(principal, staffId);
    const decided = typeof command === 'function' ? await command() : command;
    const handled = await asHttp(() =>
      this.staff.handle(staffId, decided, { actor: principal.subject }),
    );
    const view = viewOfState(staffId, handled);
    if (!view) throw new Error('a handled staff command left no enrolled record');
    return view;
  }
}
