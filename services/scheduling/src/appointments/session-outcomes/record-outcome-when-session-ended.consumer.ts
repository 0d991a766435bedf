import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { SessionOutcomeHandler } from './session-outcome.handler';

/**
 * Visit outcomes from `thc.sessions.v1`: completed and no-show update the appointment. Only
 * SessionEnded is checked: other sessions events are skipped, whatever their version.
 */
@Injectable()
export class RecordOutcomeWhenSessionEnded extends RoutedConsumerHost {
  protected readonly groupId = 'scheduling.session-outcomes';
  protected readonly topics = [TOPICS.sessions];
  protected override readonly tuning = { lagRefreshMs: 0 };

  protected readonly routes: EventRoutes = {
    'thc.sessions.SessionEnded.v1': (event) => this.outcomes.apply(event.id, event.data),
  };

  constructor(private readonly outcomes: SessionOutcomeHandler) {
    super();
  }
}
