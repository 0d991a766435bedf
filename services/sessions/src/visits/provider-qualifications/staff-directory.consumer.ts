import { Injectable } from '@nestjs/common';
import { EventDataOf, TOPICS, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { ClinicNames } from './clinic-names.read-model';
import { ProviderQualifications } from './provider-qualifications.read-model';

const STAFF_MEMBER_RECORDED = 'thc.scheduling.StaffMemberRecorded.v1';
const CLINIC_RECORDED = 'thc.scheduling.ClinicRecorded.v1';

/**
 * Keeps each staff member's name and state licences, and each clinic's name, from the
 * directory's records on `thc.scheduling.v1`; the appointment events of that topic are another
 * group's.
 */
@Injectable()
export class StaffDirectoryConsumer extends EventConsumerHost {
  protected readonly groupId = 'sessions.directory';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(
    private readonly qualifications: ProviderQualifications,
    private readonly clinics: ClinicNames,
  ) {
    super();
  }

  // Only the types applied here are checked: other scheduling events are not ours to judge.
  protected override readonly validate = (event: ConsumedEvent): string | undefined =>
    event.type === STAFF_MEMBER_RECORDED || event.type === CLINIC_RECORDED
      ? validateEvent(event.type, event.data)
      : undefined;

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    if (event.type === STAFF_MEMBER_RECORDED)
      await this.qualifications.recorded(
        event.id,
        event.data as EventDataOf<typeof STAFF_MEMBER_RECORDED>,
      );
    else if (event.type === CLINIC_RECORDED)
      await this.clinics.recorded(event.id, event.data as EventDataOf<typeof CLINIC_RECORDED>);
  };
}
