import { Injectable, Logger } from '@nestjs/common';
import { TOPICS, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { ConsentConflictError } from '../domain/consent.errors';
import { ConsentRepository } from '../consent.repository';
import { CONSENT_GIVEN_AT_JOIN, ConsentGivenAtJoin, grantOf } from './consent-given-at-join';

/**
 * Consents patients give on the visit page (ConsentGivenAtJoin on `thc.sessions.v1`) become
 * granted consents of their own stream, published as ConsentGranted like any other, which
 * sessions' consent gate follows. A redelivery, or a consent already active (granted by staff
 * meanwhile), is refused by the consent decider as a conflict: nothing is recorded, and the
 * event is done. Other sessions events are skipped.
 */
@Injectable()
export class GrantConsentWhenGivenAtJoinConsumer extends EventConsumerHost {
  protected readonly groupId = 'compliance-audit.consent-at-join';
  protected readonly topics = [TOPICS.sessions];
  protected override readonly tuning = { lagRefreshMs: 0 };
  private readonly logger = new Logger('ConsentAtJoin');

  constructor(private readonly consents: ConsentRepository) {
    super();
  }

  // Only the type applied here is checked: other sessions events are not ours to judge.
  protected override readonly validate = (event: ConsumedEvent): string | undefined =>
    event.type === CONSENT_GIVEN_AT_JOIN ? validateEvent(event.type, event.data) : undefined;

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    if (event.type !== CONSENT_GIVEN_AT_JOIN) return;
    const data = event.data as ConsentGivenAtJoin;
    try {
      await this.consents.handle(data.patientId, grantOf(event.id, data), data.patientId, event.id);
    } catch (error) {
      if (!(error instanceof ConsentConflictError)) throw error;
      this.logger.debug(
        `consent given at join in event ${event.id} not recorded: ${error.message}`,
      );
    }
  };
}
