import { Injectable, Logger } from '@nestjs/common';
import { EventDataOf, TOPICS, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { StaffClinics } from './staff-clinics.read-model';

const STAFF_MEMBER_RECORDED = 'thc.scheduling.StaffMemberRecorded.v1';

/**
 * Keeps the clinics of each staff member current from the directory on `thc.scheduling.v1`;
 * appointments and the rest of scheduling's events are skipped.
 */
@Injectable()
export class StaffDirectoryConsumer extends EventConsumerHost {
  private readonly logger = new Logger(StaffDirectoryConsumer.name);
  protected readonly groupId = 'training.directory';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(private readonly clinics: StaffClinics) {
    super();
  }

  // Only the type this consumer applies is checked: a new scheduling event type must not
  // dead-letter here before training knows it.
  protected override readonly validate = (event: ConsumedEvent): string | undefined =>
    event.type === STAFF_MEMBER_RECORDED ? validateEvent(event.type, event.data) : undefined;

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    if (event.type === STAFF_MEMBER_RECORDED)
      await this.clinics.recorded(
        event.id,
        event.data as EventDataOf<typeof STAFF_MEMBER_RECORDED>,
      );
    else this.logger.debug(`skipping ${event.type}`);
  };
}
