import { Injectable } from '@nestjs/common';
import { EventDataOf, TOPICS, validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { TelehealthConsents } from './telehealth-consents.read-model';

const GRANTED = 'thc.compliance.ConsentGranted.v1';
const REVOKED = 'thc.compliance.ConsentRevoked.v1';

/** Keeps the telehealth consent read model current from `thc.compliance.v1`. */
@Injectable()
export class ConsentEventsConsumer extends EventConsumerHost {
  protected readonly groupId = 'sessions.consent';
  protected readonly topics = [TOPICS.compliance];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(private readonly consents: TelehealthConsents) {
    super();
  }

  // Only the two types applied here are checked: other compliance events are not ours to judge.
  protected override readonly validate = (event: ConsumedEvent): string | undefined =>
    event.type === GRANTED || event.type === REVOKED
      ? validateEvent(event.type, event.data)
      : undefined;

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    if (event.type === GRANTED) {
      const data = event.data as EventDataOf<typeof GRANTED>;
      if (data.scope === 'telehealth') await this.consents.granted(event.id, data);
    } else if (event.type === REVOKED) {
      const data = event.data as EventDataOf<typeof REVOKED>;
      if (data.scope === 'telehealth') await this.consents.revoked(event.id, data);
    }
  };
}
