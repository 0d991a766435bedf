import { Injectable } from '@nestjs/common';
import { EventDataOf, TOPICS } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { ContactPointsStore } from '../infrastructure/contact-points.store';
import { MobileLookup } from '../infrastructure/mobile-lookup.store';
import { PatientLanguages } from '../patient-facts/patient-languages.store';

const PATIENT_ERASED = 'thc.compliance.PatientErased.v1';
type PatientErased = EventDataOf<typeof PATIENT_ERASED>;

/**
 * On a patient's erasure: the contact points of everyone recorded under their key (the patient,
 * their caregivers) leave the views, with the number lookups that point at them and the
 * profile language kept for the patient. The sealed copies in the events and views were
 * unreadable the moment the key went; what goes here are the lookups that still told whose
 * number is whose. The index goes last, so a retry after a crash finds the rest. Idempotent.
 */
@Injectable()
export class ForgetContactsWhenPatientErased extends EventConsumerHost {
  protected readonly groupId = 'notifications.patient-erasure';
  protected readonly topics = [TOPICS.compliance];
  protected override readonly tuning = { lagRefreshMs: 0 };
  // The topic's other events are skipped, whatever their version.
  protected override readonly applies = [PATIENT_ERASED];

  constructor(
    private readonly views: ContactPointsStore,
    private readonly lookup: MobileLookup,
    private readonly languages: PatientLanguages,
  ) {
    super();
  }

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    const { patientId } = event.data as PatientErased;
    for (const personId of await this.views.peopleOf(patientId)) {
      const view = await this.views.find(personId);
      // A person recorded for another patient since keeps that record.
      if (!view || view.patientId !== patientId) continue;
      if (view.mobileKey) await this.lookup.remove(view.mobileKey, personId);
      await this.views.remove(personId);
    }
    await this.languages.forget(patientId);
    await this.views.forgetPatient(patientId);
  };
}
