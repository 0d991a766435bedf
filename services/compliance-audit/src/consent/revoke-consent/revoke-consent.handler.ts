import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Clock, CLOCK } from '@thc/service-runtime';
import { ConsentRepository } from '../consent.repository';
import { FhirConsent, toFhirConsent } from '../fhir-consent';

/** Withdraws one of the patient's consents; answers it, now inactive, as FHIR. */
@Injectable()
export class RevokeConsentHandler {
  constructor(
    private readonly consents: ConsentRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async revoke(patientId: string, consentId: string, principal: Principal): Promise<FhirConsent> {
    const at = this.clock().toISOString();
    const state = await this.consents.handle(
      patientId,
      { type: 'RevokeConsent', consentId, at, by: actorOf(principal) },
      principal.subject,
    );
    const record = state.consents.find((c) => c.granted.consentId === consentId);
    if (!record) throw new Error('the revoked consent is missing from the state');
    return toFhirConsent(record, at);
  }
}
