import { Inject, Injectable, Logger } from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import {
  Aggregate,
  AggregateRepository,
  DuplicateEventIdError,
  EventCodec,
  EventMetadata,
  HandleResult,
  MongoEventStore,
} from '@thc/event-store';
import { TRAINING_SETTINGS, TrainingSettings } from '../../training.settings';
import { nextCheckAt } from '../domain/next-check';
import type { StaffTrainingCommand } from '../domain/staff-training.commands';
import { staffTrainingDecider } from '../domain/staff-training.decider';
import { StaffTrainingEvent, staffStreamId } from '../domain/staff-training.events';
import type { StaffTrainingState } from '../domain/staff-training.state';
import { factEventId } from './fact-event-id';
import { StaffStatusProjection } from './staff-status.projection';

/** Clock-driven facts get their fact's id; other events the store's. */
const codec: EventCodec<StaffTrainingEvent> = {
  encode: (event) => {
    const id = factEventId(event);
    return { ...(id ? { id } : {}), type: event.type, data: event.data };
  },
  decode: (stored) => ({ type: stored.type, data: stored.data }) as StaffTrainingEvent,
};

export type Handled = Pick<
  HandleResult<StaffTrainingState, StaffTrainingEvent>,
  'state' | 'version' | 'events'
>;

/**
 * The staff streams in the service's (relayed) event store; the staff status follows each
 * append. Each command is decided against the version it loaded and appended with that
 * version expected: of two instances deciding the same thing at once, one appends and the
 * other, reloading, finds nothing left to decide.
 */
@Injectable()
export class StaffTrainingRepository {
  private readonly logger = new Logger(StaffTrainingRepository.name);
  private readonly aggregates: AggregateRepository<
    StaffTrainingState,
    StaffTrainingCommand,
    StaffTrainingEvent
  >;

  constructor(
    store: MongoEventStore,
    private readonly status: StaffStatusProjection,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {
    this.aggregates = new AggregateRepository(store, staffTrainingDecider, {
      codec,
      validate: (event) => assertValidEvent(event.type, event.data),
      afterAppend: ({ after }) => this.saveStatus(after),
      onAfterAppendError: (error, streamId) => this.warnStatusNotSaved(error, streamId),
    });
  }

  load(staffId: string): Promise<Aggregate<StaffTrainingState>> {
    return this.aggregates.load(staffStreamId(staffId));
  }

  async handle(
    staffId: string,
    command: StaffTrainingCommand,
    metadata: EventMetadata = {},
  ): Promise<Handled> {
    try {
      const handled = await this.aggregates.handle(staffStreamId(staffId), command, {
        retryOnConflict: 3,
        metadata,
      });
      // Nothing appended (a check with nothing due): the status may still be behind the
      // stream after a crash between an append and its status, and is brought up to date.
      if (handled.events.length === 0) await this.catchUpStatus(staffId, handled);
      return handled;
    } catch (error) {
      // A fact with this id is stored already: another instance decided it first.
      if (!(error instanceof DuplicateEventIdError)) throw error;
      const current = await this.load(staffId);
      await this.catchUpStatus(staffId, current);
      return { ...current, events: [] };
    }
  }

  private catchUpStatus(staffId: string, aggregate: Aggregate<StaffTrainingState>) {
    return this.saveStatus(aggregate).catch((error: unknown) =>
      this.warnStatusNotSaved(error, staffStreamId(staffId)),
    );
  }

  private async saveStatus({ state, version }: Aggregate<StaffTrainingState>): Promise<void> {
    if (state.status !== 'enrolled') return;
    await this.status.save(state, version, nextCheckAt(state, this.settings.warningLeadDays));
  }

  private warnStatusNotSaved(error: unknown, streamId: string): void {
    this.logger.warn(`status of ${streamId} not saved: ${(error as Error).message}`);
  }
}
