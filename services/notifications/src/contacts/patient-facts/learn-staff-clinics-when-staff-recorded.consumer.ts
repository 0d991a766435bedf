import { Injectable } from '@nestjs/common';
import { TOPICS, type StaffMemberRecordedV1 } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { PatientClinicsStore } from './patient-clinics.store';

const STAFF_RECORDED = 'thc.scheduling.StaffMemberRecorded.v1';

/**
 * The clinics each staff member works in, from the directory: an interpreter's contact points
 * (sealed under their own key, for their join links) are kept by the coordinators of those
 * clinics, as a patient's are by the coordinators of the clinics of their visits.
 */
@Injectable()
export class LearnStaffClinicsWhenStaffRecorded extends EventConsumerHost {
  protected readonly groupId = 'notifications.staff-clinics';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };
  protected override readonly applies = [STAFF_RECORDED];

  constructor(private readonly clinics: PatientClinicsStore) {
    super();
  }

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    const { staffId, clinicIds } = event.data as StaffMemberRecordedV1;
    await this.clinics.setStaffClinics(staffId, clinicIds);
  };
}
