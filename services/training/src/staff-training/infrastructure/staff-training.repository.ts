import { Inject, Injectable, Logger } from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import {
  Aggregate,
  AggregateRepository,
  DuplicateEventIdError,
  EventCodec,
  EventMetadata,
  MongoEventStore,
} from '@thc/event-store';
import { TRAINING_SETTINGS, TrainingSettings } from '../../training.settings';
import { nextCheckAt } from '../domain/next-check';
import type { StaffTrainingCommand } from '../domain/staff-training.commands';
import { staffTrainingDecider } from '../domain/staff-training.decider';
import { StaffTrainingEvent, staffStreamId } from '../domain/staff-training.events';
import type { StaffTrainingState } from '../domain/staff-training.state';
import { factEventId } from './fact-event-id';
import { StaffStatusStore } from './staff-status.store';

/** Events are checked against their contract, and clock-driven facts get their fact's id. */
const codec: EventCodec<StaffTrainingEvent> = {
  encode: (event) => {
    assertValidEvent(event.type, event.data);
    const id = factEventId(event);
    return { ...(id ? { id } : {}), type: event.type, data: event.data };
  },
  decode: (stored) => ({ type: stored.type, data: stored.data }) as StaffTrainingEvent,
};

export interface Handled extends Aggregate<StaffTrainingState> {
  readonly events: readonly StaffTrainingEvent[];
}

/**
 * The staff streams in the service's (relayed) event store. Each command is decided against
 * the version it loaded and appended with that version expected: of two instances deciding
 * the same thing at once, one appends and the other, reloading, finds nothing left to decide.
 */
@Injectable()
export class StaffTrainingRepository {
  private readonly aggregates: AggregateRepository<
    StaffTrainingState,
    StaffTrainingCommand,
    StaffTrainingEvent
  >;
  private readonly logger = new Logger(StaffTrainingRepository.name);

  constructor(
    store: MongoEventStore,
    private readonly status: StaffStatusStore,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {
    this.aggregates = new AggregateRepository(store, staffTrainingDecider, { codec });
  }

  load(staffId: string): Promise<Aggregate<StaffTrainingState>> {
    return this.aggregates.load(staffStreamId(staffId));
  }

  async handle(
    staffId: string,
    command: StaffTrainingCommand,
    metadata: EventMetadata = {},
  ): Promise<Handled> {
    let handled: Handled;
    try {
      handled = await this.aggregates.handle(staffStreamId(staffId), command, {
        retryOnConflict: 3,
        metadata,
      });
    } catch (error) {
      // A fact with this id is stored already: another instance decided it first.
      if (!(error instanceof DuplicateEventIdError)) throw error;
      handled = { ...(await this.load(staffId)), events: [] };
    }
    await this.refreshStatus(handled).catch((error: unknown) =>
      this.logger.warn(`status of ${staffId} not saved: ${(error as Error).message}`),
    );
    return handled;
  }

  private async refreshStatus({ state, version }: Aggregate<StaffTrainingState>): Promise<void> {
    if (state.status !== 'enrolled') return;
    await this.status.save(state, version, nextCheckAt(state, this.settings.warningLeadDays));
  }
}
