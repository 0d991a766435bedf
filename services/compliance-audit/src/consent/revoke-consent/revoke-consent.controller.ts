import { Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { ParseUuidParam } from '@thc/service-runtime';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { CONSENT_PHI, uuidParam } from '../../openapi/api-docs';
import { ConsentCommandRoute } from '../consent-command.route';
import { asHttp } from '../consent-http-errors';
import { FhirConsent } from '../fhir-consent';
import { RevokeConsentHandler } from './revoke-consent.handler';

@ApiTags('consent')
@ApiBearerAuth()
@Controller('api/v1/patients/:patientId/consents')
export class RevokeConsentController {
  constructor(
    private readonly handler: RevokeConsentHandler,
    private readonly access: ClinicAccess,
  ) {}

  @ConsentCommandRoute({
    path: ':consentId/revoke',
    status: 200,
    summary: 'Revoke a consent',
    description:
      'Staff, or the patient themselves, withdraw a consent; from then on a session that needs it is refused at its start. Takes no body.',
    roles: ['coordinator', 'admin', 'patient'],
    phi: `the revoked consent as a FHIR Consent: ${CONSENT_PHI}`,
    errors: {
      403: "The token's role is not one of: coordinator, admin, patient; a patient revokes another patient's consent; or the patient has no visit in a clinic the coordinator or admin covers.",
      404: 'The patient has no consent with this id.',
      409: "The consent is already revoked or has expired, or the patient's consents changed at the same time (try again).",
    },
    params: { consentId: uuidParam('consentId', "The consent, as the patient's consents list it") },
  })
  async revoke(
    @Param('patientId', ParseUuidParam) patientId: string,
    @Param('consentId', ParseUuidParam) consentId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FhirConsent> {
    await this.access.ensurePatient(principal, patientId);
    return asHttp(() => this.handler.revoke(patientId, consentId, principal));
  }
}
