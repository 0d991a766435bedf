import { Inject, Injectable } from '@nestjs/common';
import { eventDefinition, TOPICS, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost, KAFKA, TopicNames } from '@thc/messaging';
import { Kafka } from 'kafkajs';
import { AuditIntake } from './audit-intake';

/**
 * Reads every context's topic into the audit trail. Known event types must match their
 * contract; types this service does not know yet are still recorded (generic mapping), so a
 * producer's new event never goes unaudited nor stops the partition.
 */
@Injectable()
export class AuditIntakeConsumer extends EventConsumerHost {
  protected readonly groupId = 'thc.compliance-audit';
  protected readonly topics = Object.values(TOPICS);
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    names: TopicNames,
    private readonly intake: AuditIntake,
  ) {
    super(kafka, names);
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
