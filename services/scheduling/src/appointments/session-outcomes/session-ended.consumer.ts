import { Injectable } from '@nestjs/common';
import { SessionEndedV1, TOPICS, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { SessionOutcomeHandler } from './session-outcome.handler';

const SESSION_ENDED = 'thc.sessions.SessionEnded.v1';

/** Visit outcomes from `thc.sessions.v1`: completed and no-show update the appointment. */
@Injectable()
export class SessionEndedConsumer extends EventConsumerHost {
  protected readonly groupId = 'scheduling.session-outcomes';
  protected readonly topics = [TOPICS.sessions];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(private readonly outcomes: SessionOutcomeHandler) {
    super();
  }

  // Only SessionEnded is checked: other sessions events are skipped, whatever their version.
  protected override readonly validate = (event: ConsumedEvent): string | undefined =>
    event.type === SESSION_ENDED ? validateEvent(event.type, event.data) : undefined;

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    if (event.type === SESSION_ENDED)
      await this.outcomes.apply(event.id, event.data as SessionEndedV1);
  };
}
