import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { hasAnyRole, Principal } from '@thc/auth';
import { StaffScope } from '../../directory/staff-scope';
import { StaffStatusProjection } from '../infrastructure/staff-status.projection';
import { StaffTrainingRepository } from '../infrastructure/staff-training.repository';
import { StaffStatusView, viewOfState } from '../staff-status.view';
import { teamCompliance, TeamComplianceView } from './team-compliance';

/**
 * Staff read their own record; trainers and admins those of the staff of the clinics they
 * cover, and the compliance of those of a team.
 */
@Injectable()
export class StaffStatusQuery {
  constructor(
    private readonly staff: StaffTrainingRepository,
    private readonly status: StaffStatusProjection,
    private readonly scope: StaffScope,
  ) {}

  async recordFor(principal: Principal, staffId: string): Promise<StaffStatusView> {
    if (principal.subject !== staffId) {
      if (!hasAnyRole(principal, ['trainer', 'admin']))
        throw new ForbiddenException('staff may read only their own training record');
      await this.scope.ensureCovers(principal, staffId);
    }
    // From the stream, not the status document: a record just written reads as written.
    const view = viewOfState(staffId, await this.staff.load(staffId));
    if (!view)
      throw new NotFoundException(`staff member ${staffId} is not enrolled in telehealth training`);
    return view;
  }

  async teamFor(principal: Principal, teamId: string, now: Date): Promise<TeamComplianceView> {
    const members = await this.scope.visibleMembers(
      principal,
      teamId,
      await this.status.team(teamId),
    );
    return teamCompliance(teamId, members, now);
  }
}
