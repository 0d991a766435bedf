import { Injectable } from '@nestjs/common';
import { MongoEventStore } from '@thc/event-store';
import { consentDecider } from '../consent/domain/consent.decider';
import { ConsentEvent, consentStreamId } from '../consent/domain/consent.events';
import { activeConsent, ConsentState, initialConsentState } from '../consent/domain/consent.state';
import { ConsentAtStart } from './domain/session.rules';

/** The patient's telehealth consent at an instant, from this service's own consent streams. */
@Injectable()
export class ConsentAtStartReader {
  constructor(private readonly store: MongoEventStore) {}

  async at(patientId: string, at: string): Promise<ConsentAtStart> {
    let state: ConsentState = initialConsentState();
    let endedBy: string | undefined;
    for (const stored of await this.store.load(consentStreamId(patientId))) {
      state = consentDecider.evolve(state, {
        type: stored.type,
        data: stored.data,
      } as ConsentEvent);
      // The last revocation before the start is the evidence of why consent was not in force.
      if (
        stored.type === 'thc.compliance.ConsentRevoked.v1' &&
        Date.parse((stored.data as { revokedAt: string }).revokedAt) <= Date.parse(at)
      )
        endedBy = stored.id;
    }
    if (activeConsent(state, 'telehealth', at)) return { inForce: true };
    return endedBy ? { inForce: false, endedByEventId: endedBy } : { inForce: false };
  }
}
