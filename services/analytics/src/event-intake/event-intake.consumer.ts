import { Inject, Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost, KAFKA, TopicNames } from '@thc/messaging';
import { Kafka } from 'kafkajs';
import { EventTallyProjection } from './event-tally.projection';

/** Analytics reads every context's topic; each event updates the projections. */
@Injectable()
export class EventIntakeConsumer extends EventConsumerHost {
  protected readonly groupId = 'thc.analytics';
  protected readonly topics = Object.values(TOPICS);

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    names: TopicNames,
    private readonly tally: EventTallyProjection,
  ) {
    super(kafka, names);
  }

  protected handle = (event: ConsumedEvent): Promise<void> => this.tally.apply(event);
}
