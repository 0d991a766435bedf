import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { ReminderContacts } from '../appointments/infrastructure/reminder-contacts.projection';
import { AppointmentViews } from '../appointments/infrastructure/appointment-views.projection';
import { PatientProfiles } from '../patients/infrastructure/patient-profiles.projection';

/**
 * On a patient's erasure: the plaintext scheduling keeps about them outside the events (the
 * interpreter's language in the appointment views, the state of residence in their profile's
 * view) is dropped, and their reminder contacts (sealed, unreadable now anyway) are removed so
 * no reminder round tries them again. Every step is idempotent, so a redelivery changes
 * nothing. Appointments, their events and counts stay. The topic's other events are skipped.
 */
@Injectable()
export class PurgeViewsWhenPatientErased extends RoutedConsumerHost {
  protected readonly groupId = 'scheduling.patient-erasure';
  protected readonly topics = [TOPICS.compliance];
  protected override readonly tuning = { lagRefreshMs: 0 };

  protected readonly routes: EventRoutes = {
    'thc.compliance.PatientErased.v1': async ({ data: { patientId } }) => {
      const appointmentIds = await this.views.forgetPatient(patientId);
      await this.contacts.closeFor(patientId, appointmentIds);
      await this.profiles.forgetPatient(patientId);
    },
  };

  constructor(
    private readonly views: AppointmentViews,
    private readonly contacts: ReminderContacts,
    private readonly profiles: PatientProfiles,
  ) {
    super();
  }
}
