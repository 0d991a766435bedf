import { Inject, Injectable } from '@nestjs/common';
import { TOPICS, validateEvent, type StaffMemberRecordedV1 } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost, KAFKA, TopicNames } from '@thc/messaging';
import { Kafka } from 'kafkajs';
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

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    names: TopicNames,
    private readonly clinics: PatientClinicsStore,
  ) {
    super(kafka, names);
  }

  protected override readonly validate = (event: ConsumedEvent): string | undefined =>
    event.type === STAFF_RECORDED ? validateEvent(event.type, event.data) : undefined;

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    if (event.type !== STAFF_RECORDED) return;
    const { staffId, clinicIds } = event.data as StaffMemberRecordedV1;
    await this.clinics.setStaffClinics(staffId, clinicIds);
  };
}
