import { Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, ensurePatientAccess, Principal, Roles } from '@thc/auth';
import { PhiRead } from '@thc/service-runtime';
import { actorOf } from '../../shared/actor';
import { CLOCK, Clock } from '../../shared/audit.settings';
import { asHttp } from '../consent-http-errors';
import { ConsentRepository } from '../consent.repository';
import { FhirConsent, toFhirConsent } from '../fhir-consent';

@ApiTags('consent')
@ApiBearerAuth()
@Controller('api/v1/patients/:patientId/consents')
export class RevokeConsentController {
  constructor(
    private readonly consents: ConsentRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Staff, or the patient themselves, withdraw a consent; the next session start is refused. */
  @Post(':consentId/revoke')
  @HttpCode(200)
  @Roles('coordinator', 'admin', 'patient')
  @PhiRead({
    resource: 'Consent',
    patients: (r) => [(r as FhirConsent).patient.reference.slice('Patient/'.length)],
    resourceId: (r) => (r as FhirConsent).id,
  })
  @ApiOkResponse({ type: FhirConsent })
  @ApiConflictResponse({ description: 'already revoked or expired' })
  @ApiNotFoundResponse({ description: 'no such consent for this patient' })
  revoke(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FhirConsent> {
    ensurePatientAccess(principal, patientId);
    return asHttp(async () => {
      const at = this.clock().toISOString();
      const state = await this.consents.handle(
        patientId,
        { type: 'RevokeConsent', consentId, at, by: actorOf(principal) },
        principal.subject,
      );
      const record = state.consents.find((c) => c.granted.consentId === consentId);
      if (!record) throw new Error('the revoked consent is missing from the state');
      return toFhirConsent(record, at);
    });
  }
}
