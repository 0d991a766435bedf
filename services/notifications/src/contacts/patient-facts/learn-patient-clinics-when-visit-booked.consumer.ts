import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { PatientClinics } from '../infrastructure/patient-clinics.projection';

/** The clinics of each patient's visits, for the clinic scope of staff over their contacts. */
@Injectable()
export class LearnPatientClinicsWhenVisitBooked extends RoutedConsumerHost {
  protected readonly groupId = 'notifications.patient-clinics';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(private readonly clinics: PatientClinics) {
    super();
  }

  // A requested visit puts the patient in the clinic's care as a booked one does (as in
  // compliance-audit's care links).
  protected readonly routes: EventRoutes = {
    'thc.scheduling.AppointmentBooked.v1': ({ data }) =>
      this.clinics.add(data.patientId, data.clinicId),
    'thc.scheduling.AppointmentRequested.v1': ({ data }) =>
      this.clinics.add(data.patientId, data.clinicId),
  };
}
