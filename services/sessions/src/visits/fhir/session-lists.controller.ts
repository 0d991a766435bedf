import { Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, PhiRead, UseCaseRoute } from '@thc/service-runtime';
import { SESSION_PHI, uuidParam } from '../../openapi/api-docs';
import { SessionResponse } from '../session.response';
import { SessionLists } from './session-lists.query';

const listRead = PhiRead({
  resource: 'Encounter',
  action: 'search',
  patients: (body) => [...new Set((body as SessionResponse[]).map((s) => s.patientId))],
});

/** Sessions of one patient or one provider, soonest first; each caller sees only their own. */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('api/v1')
export class SessionListsController {
  constructor(private readonly lists: SessionLists) {}

  /** A patient's own sessions; a provider sees only those they run; staff those of their clinics. */
  @listRead
  @UseCaseRoute({
    method: 'GET',
    path: 'patients/:patientId/sessions',
    answer: [SessionResponse],
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
  async ofPatient(
    @Param('patientId', ParseUuidParam) patientId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse[]> {
    return this.lists.ofPatient(principal, patientId);
  }

  @listRead
  @UseCaseRoute({
    method: 'GET',
    path: 'providers/:providerId/sessions',
    answer: [SessionResponse],
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
  async ofProvider(
    @Param('providerId', ParseUuidParam) providerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse[]> {
    return this.lists.ofProvider(principal, providerId);
  }
}
