import { Injectable } from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import {
  Aggregate,
  AggregateRepository,
  ConcurrencyError,
  HandleResult,
  MongoEventStore,
} from '@thc/event-store';
import { ViolationDetected } from './domain/violation';
import { ViolationCommand, ViolationReviewCommand } from './domain/violation-review.commands';
import { violationReviewDecider } from './domain/violation-review.decider';
import { ViolationEvent, violationStreamId } from './domain/violation-review.events';
import { initialViolationState, ViolationState } from './domain/violation-review.state';

/** A stream not yet written: what a new finding is decided on, without reading it first. */
const NEW_STREAM: Aggregate<ViolationState> = { state: initialViolationState(), version: 0 };

/** Violation streams (detection and follow-up) in the service's event store. */
@Injectable()
export class ViolationRepository {
  private readonly aggregates: AggregateRepository<
    ViolationState,
    ViolationCommand,
    ViolationEvent
  >;

  constructor(store: MongoEventStore) {
    this.aggregates = new AggregateRepository(store, violationReviewDecider, {
      // Every event is checked against its published contract before it is stored.
      validate: (event) => assertValidEvent(event.type, event.data),
    });
  }

  load(violationId: string): Promise<Aggregate<ViolationState>> {
    return this.aggregates.load(violationStreamId(violationId));
  }

  /**
   * Opens the violation's stream with its detection; false when it was opened before (the
   * stream's expected version refuses the second writer, so nothing is stored twice).
   */
  async detect(violation: ViolationDetected): Promise<boolean> {
    try {
      await this.aggregates.handle(
        violationStreamId(violation.violationId),
        { type: 'DetectViolation', violation },
        { loaded: NEW_STREAM, metadata: { actor: 'compliance-audit' } },
      );
      return true;
    } catch (error) {
      if (error instanceof ConcurrencyError) return false;
      throw error;
    }
  }

  /** Decides on `loaded` first; a concurrent step is decided again once, on a fresh load. */
  review(
    command: ViolationReviewCommand,
    actor: string,
    loaded: Aggregate<ViolationState>,
  ): Promise<HandleResult<ViolationState, ViolationEvent>> {
    return this.aggregates.handle(violationStreamId(command.violationId), command, {
      loaded,
      retryOnConflict: 1,
      metadata: { actor },
    });
  }
}
