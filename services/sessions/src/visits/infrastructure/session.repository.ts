import { Injectable, Logger } from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import {
  Aggregate,
  AggregateRepository,
  Appended,
  EventMetadata,
  HandleResult,
  MongoEventStore,
} from '@thc/event-store';
import type { SessionCommand } from '../domain/session.commands';
import { sessionDecider } from '../domain/session.decider';
import { SessionEvent, sessionStreamId } from '../domain/session.events';
import type { SessionState } from '../domain/session.state';
import { PlatformMonitor } from '../../platform-status/platform-monitor';
import { IssueQueue } from './issue-queue.projection';
import { SessionViews } from './session-views.projection';

export type Handled = HandleResult<SessionState, SessionEvent>;

export interface SessionCommandOptions {
  /** Access: runs on every state decided on (a retry checks again); throws to refuse. */
  readonly check?: (state: SessionState) => void;
  readonly metadata: EventMetadata;
  /** The session the caller has just loaded, for the first try (no second read). */
  readonly loaded?: Aggregate<SessionState>;
}

/** Another writer of the same session (a drop, a quality sample) rarely gets in more often. */
const RETRIES_ON_CONFLICT = 3;

/**
 * The session streams in the service's event store (the relayed one), on the one command
 * pipeline: every event is checked against its contract before it is appended, and the views
 * that follow a session (its view, the issue queue, the platform monitor) are updated after.
 */
@Injectable()
export class SessionRepository {
  private readonly aggregates: AggregateRepository<SessionState, SessionCommand, SessionEvent>;
  private readonly logger = new Logger(SessionRepository.name);

  constructor(
    store: MongoEventStore,
    private readonly views: SessionViews,
    private readonly issues: IssueQueue,
    private readonly monitor: PlatformMonitor,
  ) {
    this.aggregates = new AggregateRepository(store, sessionDecider, {
      validate: (event) => assertValidEvent(event.type, event.data),
      afterAppend: (appended) => this.updateViews(appended),
      onAfterAppendError: (error, streamId) =>
        this.logger.warn(`views of ${streamId} not saved: ${(error as Error).message}`),
    });
  }

  load(sessionId: string): Promise<Aggregate<SessionState>> {
    return this.aggregates.load(sessionStreamId(sessionId));
  }

  /** Load (or take `loaded`), check, decide, append; reloads when another writer got in first. */
  handle(
    sessionId: string,
    command: SessionCommand,
    { check, metadata, loaded }: SessionCommandOptions,
  ): Promise<Handled> {
    return this.aggregates.handle(sessionStreamId(sessionId), command, {
      ...(check ? { check } : {}),
      ...(loaded ? { loaded } : {}),
      metadata,
      retryOnConflict: RETRIES_ON_CONFLICT,
    });
  }

  private async updateViews({
    before,
    after,
    events,
    stored,
  }: Appended<SessionState, SessionEvent>): Promise<void> {
    const { state } = after;
    await Promise.all([
      before.version === 0 ? this.views.create(after) : this.views.save(after),
      this.issues.apply(events, state.status === 'none' ? undefined : state.clinicId),
      this.monitor.observe(stored),
    ]);
  }
}
