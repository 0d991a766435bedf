import { Injectable } from '@nestjs/common';
import { EventDataOf, TOPICS } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { ReminderContacts } from '../appointments/reminders/reminder-contacts.store';
import { AppointmentViews } from '../appointments/shared/appointment-views.store';
import { PatientProfiles } from '../patients/infrastructure/patient-profiles.store';

const PATIENT_ERASED = 'thc.compliance.PatientErased.v1';
type PatientErased = EventDataOf<typeof PATIENT_ERASED>;

/**
 * On a patient's erasure: the plaintext scheduling keeps about them outside the events (the
 * interpreter's language in the appointment views, the state of residence in their profile's
 * view) is dropped, and their reminder contacts (sealed, unreadable now anyway) are removed so
 * no reminder round tries them again. Every step is idempotent, so a redelivery changes
 * nothing. Appointments, their events and counts stay.
 */
@Injectable()
export class PurgeViewsWhenPatientErased extends EventConsumerHost {
  protected readonly groupId = 'scheduling.patient-erasure';
  protected readonly topics = [TOPICS.compliance];
  protected override readonly tuning = { lagRefreshMs: 0 };
  // The topic's other events are skipped, whatever their version.
  protected override readonly applies = [PATIENT_ERASED];

  constructor(
    private readonly views: AppointmentViews,
    private readonly contacts: ReminderContacts,
    private readonly profiles: PatientProfiles,
  ) {
    super();
  }

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    const { patientId } = event.data as PatientErased;
    const appointmentIds = await this.views.forgetPatient(patientId);
    await this.contacts.closeFor(patientId, appointmentIds);
    await this.profiles.forgetPatient(patientId);
  };
}
