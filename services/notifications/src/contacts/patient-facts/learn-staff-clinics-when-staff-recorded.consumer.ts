import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { PatientClinics } from '../infrastructure/patient-clinics.projection';

/**
 * The clinics each staff member works in, from the directory: an interpreter's contact points
 * (sealed under their own key, for their join links) are kept by the coordinators of those
 * clinics, as a patient's are by the coordinators of the clinics of their visits.
 */
@Injectable()
export class LearnStaffClinicsWhenStaffRecorded extends RoutedConsumerHost {
  protected readonly groupId = 'notifications.staff-clinics';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(private readonly clinics: PatientClinics) {
    super();
  }

  protected readonly routes: EventRoutes = {
    'thc.scheduling.StaffMemberRecorded.v1': ({ data }) =>
      this.clinics.setStaffClinics(data.staffId, data.clinicIds),
  };
}
