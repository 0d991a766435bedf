import { Injectable } from '@nestjs/common';
import { EventDataOf, TOPICS, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { ProviderQualifications } from './provider-qualifications.read-model';

const CREDENTIALED = 'thc.training.StaffCredentialed.v1';
const LAPSED = 'thc.training.StaffCredentialLapsed.v1';

/** Keeps each staff member's telehealth credential from `thc.training.v1`; other events are skipped. */
@Injectable()
export class StaffCredentialsConsumer extends EventConsumerHost {
  protected readonly groupId = 'sessions.credentials';
  protected readonly topics = [TOPICS.training];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(private readonly qualifications: ProviderQualifications) {
    super();
  }

  // Only the two types applied here are checked: a new training event must not dead-letter here.
  protected override readonly validate = (event: ConsumedEvent): string | undefined =>
    event.type === CREDENTIALED || event.type === LAPSED
      ? validateEvent(event.type, event.data)
      : undefined;

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    if (event.type === CREDENTIALED)
      await this.qualifications.credentialed(
        event.id,
        event.data as EventDataOf<typeof CREDENTIALED>,
      );
    else if (event.type === LAPSED)
      await this.qualifications.lapsed(event.id, event.data as EventDataOf<typeof LAPSED>);
  };
}
