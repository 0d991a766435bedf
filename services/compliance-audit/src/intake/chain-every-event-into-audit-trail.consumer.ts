import { Injectable } from '@nestjs/common';
import { EVENT_TOPICS, eventDefinition, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { AuditIntake } from './audit-intake';

/**
 * Reads every event topic into the audit trail: each context's, and the PHI-access topic every
 * service that serves PHI writes its reads to. The consumer runtime has already refused
 * any event not from its type's producer or on the wrong topic. Known event types must match
 * their contract; a type this service does not know yet is neither dead-lettered nor read: it
 * is quarantined and chained by id, type and source (see AuditIntake), so a producer's new
 * event never goes unaudited nor stops the partition, and data nobody here can judge (possibly
 * PHI in clear) is never stored.
 */
@Injectable()
export class ChainEveryEventIntoAuditTrail extends EventConsumerHost {
  protected readonly groupId = 'thc.compliance-audit';
  protected readonly topics = EVENT_TOPICS;
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(private readonly intake: AuditIntake) {
    super();
  }

  protected override readonly validate = (event: ConsumedEvent): string | undefined =>
    eventDefinition(event.type) ? validateEvent(event.type, event.data) : undefined;

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    await this.intake.ingest([event]);
  };

  protected override readonly handleBatch = async (
    events: readonly ConsumedEvent[],
  ): Promise<void> => {
    await this.intake.ingest(events);
  };
}
