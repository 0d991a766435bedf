import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { ProviderQualifications } from '../infrastructure/provider-qualifications.projection';

/** Keeps each staff member's telehealth credential from `thc.training.v1`. */
@Injectable()
export class KeepCredentialsFromTrainingEvents extends RoutedConsumerHost {
  protected readonly groupId = 'sessions.credentials';
  protected readonly topics = [TOPICS.training];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(private readonly qualifications: ProviderQualifications) {
    super();
  }

  protected readonly routes: EventRoutes = {
    'thc.training.StaffCredentialed.v1': async ({ id, data }) => {
      await this.qualifications.credentialed(id, data);
    },
    'thc.training.StaffCredentialLapsed.v1': async ({ id, data }) => {
      await this.qualifications.lapsed(id, data);
    },
  };
}
