import type { Encounter } from '@medplum/fhirtypes';
import { Controller, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import {
  fhirAnswer,
  invalidInputDoc,
  ParseUuidParam,
  PhiRead,
  UseCaseRoute,
} from '@thc/service-runtime';
import {
  NO_SUCH_SESSION,
  NOT_YOUR_SESSION,
  SESSION_PARAM,
  SESSION_PHI,
} from '../../openapi/api-docs';
import { SessionResponse, toResponse } from '../session.response';
import { ReadSessionQuery } from './read-session.query';

const ROLES = ['patient', 'provider', 'coordinator', 'admin'] as const;
// A provider's reads end with the care relationship, as the patient's session list does.
const NOT_YOURS_TO_READ = `${NOT_YOUR_SESSION.slice(0, -1)}, or the provider's care window (CARE_RELATIONSHIP_DAYS, default 90, after their last visit with the patient; a cancelled visit only until its cancellation) has closed.`;
const ERRORS = {
  400: invalidInputDoc({ ids: ['sessionId'], purposeOfUse: true }),
  403: NOT_YOURS_TO_READ,
  404: NO_SUCH_SESSION,
};

/** Reads of one session: as the API shows it, and as a FHIR R4 Encounter. Each read is recorded. */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class ReadSessionController {
  constructor(private readonly query: ReadSessionQuery) {}

  @PhiRead({
    resource: 'Encounter',
    patients: (body) => [(body as SessionResponse).patientId],
    resourceId: (body) => (body as SessionResponse).sessionId,
  })
  @UseCaseRoute({
    method: 'GET',
    path: 'api/v1/sessions/:sessionId',
    answer: SessionResponse,
    summary: 'Read a session',
    description:
      'The virtual visit as its event stream stands now: status, who is present, issues, outcome. A patient reads only their own session, a provider only the sessions they run, until CARE_RELATIONSHIP_DAYS (default 90) after their last visit with the patient (a cancelled visit counts until its cancellation). Each read is recorded as a PHI access, with the purpose stated in `X-Purpose-Of-Use` (default: the usual purpose of the role).',
    roles: ROLES,
    phi: `the session: ${SESSION_PHI}`,
    errors: ERRORS,
    params: SESSION_PARAM,
  })
  async read(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse> {
    const { session, version } = await this.query.session(principal, sessionId);
    return toResponse(session, version);
  }

  @Header('Content-Type', 'application/fhir+json')
  @PhiRead({
    resource: 'Encounter',
    patients: (body) => [
      String((body as { subject: { reference: string } }).subject.reference).replace(
        'Patient/',
        '',
      ),
    ],
    resourceId: (body) => (body as { id: string }).id,
  })
  @UseCaseRoute({
    method: 'GET',
    path: 'fhir/Encounter/:sessionId',
    answer: fhirAnswer('Encounter', 'FHIR R4 Encounter (class VR)'),
    summary: 'Read a session as a FHIR R4 Encounter',
    description:
      'The virtual visit as a FHIR R4 Encounter of class VR (virtual), `application/fhir+json`, for EHR integrations: the provider and interpreter as Practitioners and the clinic as the Location, each with the name the directory gives it (`display`; none for someone the directory does not list, and never a patient name). Access and recording as for the session read.',
    roles: ROLES,
    phi: 'the Encounter: patient and practitioner references, the names of the staff and the clinic, appointment, status, period and participants',
    errors: ERRORS,
    params: SESSION_PARAM,
  })
  @ApiProduces('application/fhir+json')
  async encounter(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Encounter> {
    return this.query.encounter(principal, sessionId);
  }
}
