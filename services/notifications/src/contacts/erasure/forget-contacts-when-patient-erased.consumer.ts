import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { ContactPointsProjection } from '../infrastructure/contact-points.projection';
import { MobileLookup } from '../infrastructure/mobile-lookup.projection';
import { PatientLanguages } from '../infrastructure/patient-languages.projection';

/**
 * On a patient's erasure: the contact points of everyone recorded under their key (the patient,
 * their caregivers) leave the views, with the number lookups that point at them and the
 * profile language kept for the patient. The sealed copies in the events and views were
 * unreadable the moment the key went; what goes here are the lookups that still told whose
 * number is whose. The index goes last, so a retry after a crash finds the rest. Idempotent.
 */
@Injectable()
export class ForgetContactsWhenPatientErased extends RoutedConsumerHost {
  protected readonly groupId = 'notifications.patient-erasure';
  protected readonly topics = [TOPICS.compliance];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(
    private readonly views: ContactPointsProjection,
    private readonly lookup: MobileLookup,
    private readonly languages: PatientLanguages,
  ) {
    super();
  }

  // The topic's other events are skipped, whatever their version.
  protected readonly routes: EventRoutes = {
    'thc.compliance.PatientErased.v1': ({ data }) => this.forget(data.patientId),
  };

  private async forget(patientId: string): Promise<void> {
    for (const personId of await this.views.peopleOf(patientId)) {
      const view = await this.views.find(personId);
      // A person recorded for another patient since keeps that record.
      if (!view || view.patientId !== patientId) continue;
      if (view.mobileKey) await this.lookup.remove(view.mobileKey, personId);
      await this.views.remove(personId);
    }
    await this.languages.forget(patientId);
    await this.views.forgetPatient(patientId);
  }
}
