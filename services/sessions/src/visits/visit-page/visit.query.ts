import { Inject, Injectable } from '@nestjs/common';
import { TelehealthConsents } from '../infrastructure/telehealth-consents.projection';
import { consentWanted } from '../domain/consent-at-join.decider';
import type { Session } from '../domain/session.state';
import { ClinicNames } from '../infrastructure/clinic-names.projection';
import { ProviderQualifications } from '../infrastructure/provider-qualifications.projection';
import type { LinkHolder } from '../link-standing';
import type { VisitResponse } from './visit-page.dto';
import { VisitStatusQuery } from './visit-status.query';
import { Clock, CLOCK } from '@thc/service-runtime';

/**
 * The holder's visit as the page shows it: when, with whom, where they are in it. Reads by
 * id: the clinic's record, the provider's name, the patient's consents, and the waiting
 * room's bounded range only while the patient waits.
 */
@Injectable()
export class VisitQuery {
  constructor(
    private readonly status: VisitStatusQuery,
    private readonly clinics: ClinicNames,
    private readonly staff: ProviderQualifications,
    private readonly consents: TelehealthConsents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async of(session: Session, holder: LinkHolder): Promise<VisitResponse> {
    const [place, clinic, names, consentOnRecord] = await Promise.all([
      this.status.placeOf(session, holder),
      this.clinics.placeOf(session.clinicId),
      this.staff.namesOf([session.providerId]),
      this.consentOnRecord(session, holder),
    ]);
    const providerName = names.get(session.providerId);
    return {
      sessionId: session.sessionId,
      participantId: holder.participantId,
      role: holder.role,
      ...place,
      scheduledStart: session.scheduledStart,
      scheduledEnd: session.scheduledEnd,
      ...(clinic.timeZone ? { timeZone: clinic.timeZone } : {}),
      ...(clinic.name ? { clinicName: clinic.name } : {}),
      ...(providerName ? { providerName } : {}),
      audioOnly: session.presence[holder.participantId]?.audioOnly ?? false,
      surveyed: session.surveyed,
      consentOnRecord,
    };
  }

  /**
   * Only the patient's consent gates the visit; the other participants have none to give. One
   * the patient gave on this page counts while it is on its way to the consent record.
   */
  private async consentOnRecord(session: Session, holder: LinkHolder): Promise<boolean> {
    if (holder.role !== 'patient') return true;
    return !consentWanted(session, await this.consents.standingOf(session.patientId, this.clock()));
  }
}
