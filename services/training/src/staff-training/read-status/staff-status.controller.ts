import { Controller, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { Clock, CLOCK, invalidInputDoc, UseCaseRoute } from '@thc/service-runtime';
import { STAFF_PARAM, STAFF_RECORD_PHI, uuidParamDoc } from '../../openapi/api-docs';
import { uuidParam } from '../../uuid-param';
import { StaffStatusView } from '../staff-status.view';
import { StaffStatusQuery } from './staff-status.query';
import { TeamComplianceView } from './team-compliance';

/**
 * Staff see their own record; trainers and admins see those of the staff of the clinics they
 * cover, and the compliance of those of a team.
 */
@ApiTags('staff training')
@ApiBearerAuth()
@Controller('api/v1/training')
export class StaffStatusController {
  constructor(
    private readonly query: StaffStatusQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @UseCaseRoute({
    method: 'GET',
    path: 'me',
    answer: StaffStatusView,
    summary: 'Read my training record',
    description:
      "The caller's own training record: role, team, credential, assignments and certifications, as last written.",
    roles: ['provider', 'coordinator', 'trainer', 'admin'],
    phi: "none: the caller's training record",
    errors: { 404: 'The caller is not enrolled in telehealth training.' },
  })
  me(@CurrentPrincipal() principal: Principal): Promise<StaffStatusView> {
    return this.query.recordFor(principal, principal.subject);
  }

  @UseCaseRoute({
    method: 'GET',
    path: 'staff/:staffId',
    answer: StaffStatusView,
    summary: "Read a staff member's training record",
    description:
      "A staff member's training record: role, team, credential, assignments and certifications, as last written. Trainers and admins read those of staff who work in a clinic they cover (their clinics in the directory; a staff member the directory does not list only with a token that covers every clinic); other staff only their own.",
    roles: ['provider', 'coordinator', 'trainer', 'admin'],
    phi: STAFF_RECORD_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['staffId'], v4: true }),
      403: "The token's role is not one of: provider, coordinator, trainer, admin; a provider or coordinator asks for someone else's record; or a trainer or admin asks for the record of a staff member of no clinic they cover.",
      404: 'The staff member is not enrolled in telehealth training.',
    },
    params: STAFF_PARAM,
  })
  one(
    @Param('staffId', uuidParam) staffId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffStatusView> {
    return this.query.recordFor(principal, staffId);
  }

  @UseCaseRoute({
    method: 'GET',
    path: 'teams/:teamId/compliance',
    answer: TeamComplianceView,
    summary: "Read a team's training compliance",
    description:
      'Each enrolled member of the team with whether their credential is current now, and their open and overdue assignments; the share of credentialed staff (100 for a team with no one enrolled). A team is usually a clinic: a caller who covers the clinic of that id sees every member; otherwise only the members who work in a clinic they cover (their clinics in the directory), and the figures count only those.',
    roles: ['trainer', 'admin'],
    phi: 'none: staff credentials and assignment counts',
    errors: { 400: invalidInputDoc({ ids: ['teamId'], v4: true }) },
    params: { teamId: uuidParamDoc('teamId', 'The team, usually a clinic') },
  })
  team(
    @Param('teamId', uuidParam) teamId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TeamComplianceView> {
    return this.query.teamFor(principal, teamId, this.clock());
  }
}
