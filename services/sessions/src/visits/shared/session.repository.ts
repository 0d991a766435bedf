import { Injectable, Logger } from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import {
  Aggregate,
  AggregateRepository,
  ConcurrencyError,
  EventMetadata,
  MongoEventStore,
} from '@thc/event-store';
import type { SessionCommand } from '../domain/session.commands';
import { sessionDecider } from '../domain/session.decider';
import { SessionEvent, sessionStreamId } from '../domain/session.events';
import type { SessionState } from '../domain/session.state';
import { PlatformMonitor } from '../../platform-status/platform-monitor';
import { IssueQueue } from '../troubleshooting/issue-queue.projection';
import { SessionViews } from './session-views.store';

export interface Handled extends Aggregate<SessionState> {
  readonly events: readonly SessionEvent[];
}

/**
 * The session streams in the service's event store (the relayed one). Every event is checked
 * against its contract before it is appended, and the view is refreshed after.
 */
@Injectable()
export class SessionRepository {
  private readonly aggregates: AggregateRepository<SessionState, SessionCommand, SessionEvent>;
  private readonly logger = new Logger(SessionRepository.name);

  constructor(
    private readonly store: MongoEventStore,
    private readonly views: SessionViews,
    private readonly issues: IssueQueue,
    private readonly monitor: PlatformMonitor,
  ) {
    this.aggregates = new AggregateRepository(store, sessionDecider);
  }

  load(sessionId: string): Promise<Aggregate<SessionState>> {
    return this.aggregates.load(sessionStreamId(sessionId));
  }

  /**
   * Load, check (access: may throw), decide, append; reloads up to three times when another
   * writer got in first, and checks again against what it then finds. A caller that has just
   * loaded the session passes it as `loaded`, the first try's state: no second read, and the
   * append's expected version still refuses it if the session moved on meanwhile.
   */
  async handle(
    sessionId: string,
    check: (state: SessionState) => void,
    command: SessionCommand,
    metadata: EventMetadata,
    loaded?: Aggregate<SessionState>,
  ): Promise<Handled> {
    for (let attempt = 0; ; attempt++) {
      const before = attempt === 0 && loaded !== undefined ? loaded : await this.load(sessionId);
      check(before.state);
      const decided = sessionDecider.decide(command, before.state);
      const events = Array.isArray(decided) ? decided : [decided as SessionEvent];
      if (events.length === 0) return { ...before, events };
      for (const event of events) assertValidEvent(event.type, event.data);
      try {
        const appended = await this.store.append(
          sessionStreamId(sessionId),
          before.version,
          events.map((event) => ({ type: event.type, data: event.data, metadata })),
        );
        const state = events.reduce(sessionDecider.evolve, before.state);
        const after = { state, version: appended.nextExpectedVersion, events };
        // The events are stored, so the command succeeded; the next change saves the view again.
        await Promise.all([
          before.version === 0 ? this.views.create(after) : this.views.save(after),
          this.issues.apply(events, state.status === 'none' ? undefined : state.clinicId),
          this.monitor.observe(appended.events),
        ]).catch((error: unknown) => {
          this.logger.warn(`views of session ${sessionId} not saved: ${(error as Error).message}`);
        });
        return after;
      } catch (error) {
        if (attempt >= 3 || !(error instanceof ConcurrencyError)) throw error;
      }
    }
  }
}
