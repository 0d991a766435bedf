import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { TelehealthConsents } from '../infrastructure/telehealth-consents.projection';

/** Keeps the patients' telehealth consents from `thc.compliance.v1`; other scopes are not ours. */
@Injectable()
export class KeepConsentsFromComplianceEvents extends RoutedConsumerHost {
  protected readonly groupId = 'sessions.consent';
  protected readonly topics = [TOPICS.compliance];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(private readonly consents: TelehealthConsents) {
    super();
  }

  protected readonly routes: EventRoutes = {
    'thc.compliance.ConsentGranted.v1': async ({ id, data }) => {
      if (data.scope === 'telehealth') await this.consents.granted(id, data);
    },
    'thc.compliance.ConsentRevoked.v1': async ({ id, data }) => {
      if (data.scope === 'telehealth') await this.consents.revoked(id, data);
    },
  };
}
