import { Controller, ForbiddenException, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { clinicFilterOf, CurrentPrincipal, ensurePatientAccess, Principal, Roles } from '@thc/auth';
import { ApiUseCase, invalidInputDoc, PhiRead } from '@thc/service-runtime';
import { SESSION_PHI, uuidParam } from '../../openapi/api-docs';
import { SessionResponse, toResponse } from '../run-visit/session.response';
import { ProviderCare } from '../shared/provider-care';
import { SessionViews } from '../shared/session-views.store';

const listRead = PhiRead({
  resource: 'Encounter',
  action: 'search',
  patients: (body) => [...new Set((body as SessionResponse[]).map((s) => s.patientId))],
});

const isStaff = (principal: Principal): boolean =>
  principal.roles.includes('coordinator') || principal.roles.includes('admin');

/**
 * The query's bound for staff: the clinics they cover, in the query itself, so a foreign
 * clinic's sessions are never read, counted or paged over. Undefined when there is none.
 */
function clinicBound(principal: Principal): { clinicId?: { $in: string[] } } {
  const clinics = isStaff(principal) ? clinicFilterOf(principal) : undefined;
  return clinics === undefined ? {} : { clinicId: { $in: [...clinics] } };
}

/** Sessions of one patient or one provider, soonest first; each caller sees only their own. */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('api/v1')
export class SessionListsController {
  constructor(
    private readonly views: SessionViews,
    private readonly care: ProviderCare,
  ) {}

  /** A patient's own sessions; a provider sees only those they run; staff those of their clinics. */
  @Get('patients/:patientId/sessions')
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @listRead
  @ApiUseCase({
    summary: "List a patient's sessions",
    description:
      "The patient's virtual visits, soonest first. A patient lists only their own; a provider sees only those they run, and none once CARE_RELATIONSHIP_DAYS (default 90) have passed since the last; coordinators and admins see those in the clinics they cover, and reach a patient only through a session in one of them. The list is recorded as a PHI access.",
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: `every session listed: ${SESSION_PHI}`,
    errors: {
      400: invalidInputDoc({ ids: ['patientId'], purposeOfUse: true }),
      403: 'The role is not one admitted here, a patient asks for another patient, or a coordinator or admin covers no clinic the patient has a session in.',
    },
    params: { patientId: uuidParam('patientId', 'The patient (the `sub` of their token)') },
  })
  @ApiOkResponse({ type: [SessionResponse] })
  async ofPatient(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse[]> {
    const provider = principal.roles.includes('provider') && !isStaff(principal);
    const self = principal.roles.includes('patient') && principal.subject === patientId;
    if (!provider && !self && !isStaff(principal)) ensurePatientAccess(principal, patientId);
    const views = await this.views.list({
      patientId,
      ...(provider ? { providerId: principal.subject } : {}),
      ...(self ? {} : clinicBound(principal)),
    });
    // Staff reach the patient through a session in a clinic they cover: the rows just read are
    // exactly those, so the check costs no read of its own and tells nothing of other clinics.
    if (!provider && !self)
      ensurePatientAccess(principal, patientId, false, [...new Set(views.map((v) => v.clinicId))]);
    // A provider's care of the patient ends the care window after their last visit: from then
    // on they see none of the patient's sessions, as if they had never run one.
    if (provider && !this.care.isCurrent(views)) return [];
    return views.map((view) => toResponse(view, view.version));
  }

  @Get('providers/:providerId/sessions')
  @Roles('provider', 'coordinator', 'admin')
  @listRead
  @ApiUseCase({
    summary: "List a provider's sessions",
    description:
      'The virtual visits the provider runs, soonest first. A provider lists only their own; coordinators and admins see those in the clinics they cover. The list is recorded as a PHI access.',
    roles: ['provider', 'coordinator', 'admin'],
    phi: `every session listed: ${SESSION_PHI}`,
    errors: {
      400: invalidInputDoc({ ids: ['providerId'], purposeOfUse: true }),
      403: 'The role is not one admitted here, or a provider asks for another provider.',
    },
    params: { providerId: uuidParam('providerId', 'The provider (the `sub` of their token)') },
  })
  @ApiOkResponse({ type: [SessionResponse] })
  async ofProvider(
    @Param('providerId', ParseUUIDPipe) providerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse[]> {
    if (!isStaff(principal) && principal.subject !== providerId)
      throw new ForbiddenException('a provider sees only their own sessions');
    const views = await this.views.list({ providerId, ...clinicBound(principal) });
    return views.map((view) => toResponse(view, view.version));
  }
}
