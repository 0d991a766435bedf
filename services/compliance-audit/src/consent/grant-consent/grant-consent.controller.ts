import { BadRequestException, Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { ParseUuidParam } from '@thc/service-runtime';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { ConsentCommandRoute } from '../consent-command.route';
import { asHttp } from '../consent-http-errors';
import { FhirConsent } from '../fhir-consent';
import { GRANT_CONSENT_EXAMPLE, GrantConsentDto } from './grant-consent.dto';
import { GrantConsentHandler } from './grant-consent.handler';

@ApiTags('consent')
@ApiBearerAuth()
@Controller('api/v1/patients/:patientId/consents')
export class GrantConsentController {
  constructor(
    private readonly handler: GrantConsentHandler,
    private readonly access: ClinicAccess,
  ) {}

  @ConsentCommandRoute({
    summary: "Record a patient's consent",
    description:
      'Staff record a consent the patient gave: by electronic signature, in writing, or verbally before a witness. A session of this scope can start only while one is active.',
    roles: ['coordinator', 'admin'],
    phi: "the patient's consent as a FHIR Consent: patient id, scope, method, form version, period, who captured and who witnessed it",
    invalid: '`witnessId` and `witnessRole` are not given together',
    errors: {
      403: "The token's role is not one of: coordinator, admin; or the patient has no visit in a clinic the caller covers.",
      409: 'The patient already has an active consent of this scope, or their consents changed at the same time (try again).',
      422: 'A verbal consent without a witness, the patient as their own witness, or `expiresAt` not in the future.',
    },
    body: { type: GrantConsentDto, example: GRANT_CONSENT_EXAMPLE },
  })
  async grant(
    @Param('patientId', ParseUuidParam) patientId: string,
    @Body() dto: GrantConsentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FhirConsent> {
    if ((dto.witnessId === undefined) !== (dto.witnessRole === undefined))
      throw new BadRequestException('witnessId and witnessRole go together');
    await this.access.ensurePatient(principal, patientId);
    return asHttp(() => this.handler.grant(patientId, dto, principal));
  }
}
