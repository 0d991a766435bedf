import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { PhiRead } from '@thc/service-runtime';
import { SessionResponse, toResponse } from '../run-visit/session.response';
import { ensureSessionAccess } from '../shared/session-access';
import { SessionRepository } from '../shared/session.repository';
import { toFhirEncounter } from './fhir-encounter';

/** Reads of one session: as the API shows it, and as a FHIR R4 Encounter. Each read is recorded. */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class ReadSessionController {
  constructor(private readonly sessions: SessionRepository) {}

  @Get('api/v1/sessions/:sessionId')
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @PhiRead({
    resource: 'Encounter',
    patients: (body) => [(body as SessionResponse).patientId],
    resourceId: (body) => (body as SessionResponse).sessionId,
  })
  @ApiOkResponse({ type: SessionResponse })
  async read(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse> {
    const { state, version } = await this.sessions.load(sessionId);
    return toResponse(ensureSessionAccess(principal, state), version);
  }

  @Get('fhir/Encounter/:sessionId')
  @Header('Content-Type', 'application/fhir+json')
  @Roles('patient', 'provider', 'coordinator', 'admin')
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
  @ApiOkResponse({ description: 'FHIR R4 Encounter (class VR)' })
  async encounter(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Record<string, unknown>> {
    const { state } = await this.sessions.load(sessionId);
    return toFhirEncounter(ensureSessionAccess(principal, state));
  }
}
