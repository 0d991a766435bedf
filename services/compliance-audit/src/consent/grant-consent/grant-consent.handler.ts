import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { ConsentRepository } from '../consent.repository';
import { FhirConsent, toFhirConsent } from '../fhir-consent';
import { GrantConsentDto } from './grant-consent.dto';

/** Records a consent staff took from the patient, under a new id; answers it as FHIR. */
@Injectable()
export class GrantConsentHandler {
  constructor(
    private readonly consents: ConsentRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  async grant(patientId: string, dto: GrantConsentDto, principal: Principal): Promise<FhirConsent> {
    const at = this.clock().toISOString();
    const consentId = this.newId();
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
  }
}
