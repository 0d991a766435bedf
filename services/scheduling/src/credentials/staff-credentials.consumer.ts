import { Injectable, Logger } from '@nestjs/common';
import { EventDataOf, TOPICS, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { StaffCredentials } from './staff-credentials.read-model';

const CREDENTIALED = 'thc.training.StaffCredentialed.v1';
const LAPSED = 'thc.training.StaffCredentialLapsed.v1';

/** Keeps the credential read model current from `thc.training.v1`; other training events are skipped. */
@Injectable()
export class StaffCredentialsConsumer extends EventConsumerHost {
  private readonly logger = new Logger(StaffCredentialsConsumer.name);
  protected readonly groupId = 'scheduling.credentials';
  protected readonly topics = [TOPICS.training];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(private readonly credentials: StaffCredentials) {
    super();
  }

  // Only the two types this consumer applies are checked: a new training event type must not
  // dead-letter here before scheduling knows it.
  protected override readonly validate = (event: ConsumedEvent): string | undefined =>
    event.type === CREDENTIALED || event.type === LAPSED
      ? validateEvent(event.type, event.data)
      : undefined;

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    if (event.type === CREDENTIALED) {
      await this.credentials.credentialed(event.id, event.data as EventDataOf<typeof CREDENTIALED>);
    } else if (event.type === LAPSED) {
      await this.credentials.lapsed(event.id, event.data as EventDataOf<typeof LAPSED>);
    } else {
      this.logger.debug(`skipping ${event.type}`);
    }
  };
}
