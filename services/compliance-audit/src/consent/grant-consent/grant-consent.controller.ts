import {
  BadRequestException,
  Body,
  Controller,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { PhiRead } from '@thc/service-runtime';
import { randomUUID } from 'node:crypto';
import { actorOf } from '../../shared/actor';
import { CLOCK, Clock } from '../../shared/audit.settings';
import { asHttp } from '../consent-http-errors';
import { ConsentRepository } from '../consent.repository';
import { FhirConsent, toFhirConsent } from '../fhir-consent';
import { GrantConsentDto } from './grant-consent.dto';

@ApiTags('consent')
@ApiBearerAuth()
@Controller('api/v1/patients/:patientId/consents')
export class GrantConsentController {
  constructor(
    private readonly consents: ConsentRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Staff record a consent the patient gave (e-signature, written, or verbal with a witness). */
  @Post()
  @Roles('coordinator', 'admin')
  @PhiRead({
    resource: 'Consent',
    patients: (r) => [(r as FhirConsent).patient.reference.slice('Patient/'.length)],
    resourceId: (r) => (r as FhirConsent).id,
  })
  @ApiCreatedResponse({ type: FhirConsent })
  @ApiConflictResponse({ description: 'an active consent of this scope exists' })
  @ApiUnprocessableEntityResponse({
    description: 'verbal consent without a witness, expiry in the past',
  })
  grant(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @Body() dto: GrantConsentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FhirConsent> {
    if ((dto.witnessId === undefined) !== (dto.witnessRole === undefined))
      throw new BadRequestException('witnessId and witnessRole go together');
    return asHttp(async () => {
      const at = this.clock().toISOString();
      const consentId = randomUUID();
      const state = await this.consents.handle(
        patientId,
        {
          type: 'GrantConsent',
          consentId,
          patientId,
          scope: dto.scope,
          method: dto.method,
          formVersion: dto.formVersion,
          ...(dto.expiresAt ? { expiresAt: new Date(dto.expiresAt).toISOString() } : {}),
          ...(dto.witnessId
            ? { witnessedBy: { userId: dto.witnessId, role: dto.witnessRole ?? 'provider' } }
            : {}),
          at,
          by: actorOf(principal),
        },
        principal.subject,
      );
      const record = state.consents.find((c) => c.granted.consentId === consentId);
      if (!record) throw new Error('the granted consent is missing from the state');
      return toFhirConsent(record, at);
    });
  }
}
