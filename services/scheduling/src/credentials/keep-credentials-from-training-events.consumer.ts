import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { StaffCredentials } from './staff-credentials.projection';

/**
 * Keeps the staff credential projection current from `thc.training.v1`. Only the two types it
 * applies are checked: a new training event type must not dead-letter here before scheduling
 * knows it.
 */
@Injectable()
export class KeepCredentialsFromTrainingEvents extends RoutedConsumerHost {
  protected readonly groupId = 'scheduling.credentials';
  protected readonly topics = [TOPICS.training];
  protected override readonly tuning = { lagRefreshMs: 0 };

  protected readonly routes: EventRoutes = {
    'thc.training.StaffCredentialed.v1': async (event) => {
      await this.credentials.credentialed(event.id, event.data);
    },
    'thc.training.StaffCredentialLapsed.v1': async (event) => {
      await this.credentials.lapsed(event.id, event.data);
    },
  };

  constructor(private readonly credentials: StaffCredentials) {
    super();
  }
}
