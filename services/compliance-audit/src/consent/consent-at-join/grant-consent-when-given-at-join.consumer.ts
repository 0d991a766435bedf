import { Injectable, Logger } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { ConsentRepository } from '../consent.repository';
import { ConsentConflictError } from '../domain/consent.errors';
import { ConsentGivenAtJoin, grantOf } from './consent-given-at-join';

/**
 * Consents patients give on the visit page (ConsentGivenAtJoin on `thc.sessions.v1`) become
 * granted consents of their own stream, published as ConsentGranted like any other, which
 * sessions' consent gate follows. A redelivery, or a consent already active (granted by staff
 * meanwhile), is refused by the consent decider as a conflict: nothing is recorded, and the
 * event is done. Other sessions events are skipped.
 */
@Injectable()
export class GrantConsentWhenGivenAtJoin extends RoutedConsumerHost {
  protected readonly groupId = 'compliance-audit.consent-at-join';
  protected readonly topics = [TOPICS.sessions];
  protected override readonly tuning = { lagRefreshMs: 0 };
  private readonly logger = new Logger('ConsentAtJoin');

  constructor(private readonly consents: ConsentRepository) {
    super();
  }

  protected readonly routes: EventRoutes = {
    'thc.sessions.ConsentGivenAtJoin.v1': (event) => this.grant(event.id, event.data),
  };

  private async grant(eventId: string, data: ConsentGivenAtJoin): Promise<void> {
    try {
      await this.consents.handle(data.patientId, grantOf(eventId, data), data.patientId, eventId);
    } catch (error) {
      if (!(error instanceof ConsentConflictError)) throw error;
      this.logger.debug(`consent given at join in event ${eventId} not recorded: ${error.message}`);
    }
  }
}
