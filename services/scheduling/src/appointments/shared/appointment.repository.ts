import { Injectable, Logger } from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import {
  Aggregate,
  AggregateRepository,
  ConcurrencyError,
  EventMetadata,
  MongoEventStore,
} from '@thc/event-store';
import { appointmentDecider } from '../domain/appointment.decider';
import { AppointmentCommand } from '../domain/appointment.commands';
import { AppointmentEvent, appointmentStreamId } from '../domain/appointment.events';
import { AppointmentState } from '../domain/appointment.state';
import { AppointmentViews } from './appointment-views.store';

export interface Decided {
  readonly before: Aggregate<AppointmentState>;
  readonly events: readonly AppointmentEvent[];
}

/**
 * The appointment streams in the service's event store (the relayed one). Every event is
 * checked against its contract before it is appended, and the view is refreshed after.
 */
@Injectable()
export class AppointmentRepository {
  private readonly aggregates: AggregateRepository<
    AppointmentState,
    AppointmentCommand,
    AppointmentEvent
  >;
  private readonly logger = new Logger(AppointmentRepository.name);

  constructor(
    private readonly store: MongoEventStore,
    private readonly views: AppointmentViews,
  ) {
    this.aggregates = new AggregateRepository(store, appointmentDecider);
  }

  load(appointmentId: string): Promise<Aggregate<AppointmentState>> {
    return this.aggregates.load(appointmentStreamId(appointmentId));
  }

  /** Decides without writing: the booking flow claims time between deciding and appending. */
  decide(before: Aggregate<AppointmentState>, command: AppointmentCommand): Decided {
    const decided = appointmentDecider.decide(command, before.state);
    return { before, events: Array.isArray(decided) ? decided : [decided] };
  }

  /**
   * Appends what was decided against `before.version`; a concurrent change of the appointment
   * is a ConcurrencyError (the caller compensates). Returns the new state.
   */
  async append(
    appointmentId: string,
    { before, events }: Decided,
    metadata: EventMetadata,
    /** Ids derived from what caused the events, so a repeat is refused as a duplicate. */
    eventIds?: readonly string[],
  ): Promise<Aggregate<AppointmentState>> {
    for (const event of events) assertValidEvent(event.type, event.data);
    const { nextExpectedVersion } = await this.store.append(
      appointmentStreamId(appointmentId),
      before.version,
      events.map((event, i) => ({
        ...(eventIds?.[i] ? { id: eventIds[i] } : {}),
        type: event.type,
        data: event.data,
        metadata,
      })),
    );
    const state = events.reduce(appointmentDecider.evolve, before.state);
    const after = { state, version: nextExpectedVersion };
    // The events are stored, so the command succeeded: a view that fails to save must not turn
    // it into an error (a booking's caller would give its time back). The next change of the
    // appointment saves the view again.
    const saved = before.version === 0 ? this.views.create(after) : this.views.save(after);
    await saved.catch((error: unknown) => {
      this.logger.warn(`view of ${appointmentId} not saved: ${(error as Error).message}`);
    });
    return after;
  }

  /**
   * `append`, for a step whose failure gives time back: an error that may hide a write that
   * did land (a timeout, a dropped connection) is checked against the stream before it is
   * believed, so booked time is never released under a stored booking.
   */
  async appendOrConfirm(
    appointmentId: string,
    decided: Decided,
    metadata: EventMetadata,
    landed: (state: AppointmentState) => boolean,
  ): Promise<Aggregate<AppointmentState>> {
    try {
      return await this.append(appointmentId, decided, metadata);
    } catch (error) {
      if (error instanceof ConcurrencyError) throw error;
      const now = await this.load(appointmentId).catch(() => undefined);
      if (now && now.version > decided.before.version && landed(now.state)) return now;
      throw error;
    }
  }

  /**
   * Load, check (access: may throw), decide, append; reloads up to twice when another writer
   * got in first, and checks again against what it then finds. A caller that has just loaded
   * the appointment passes it as `loaded`, the first try's state: no second read, and the
   * append's expected version still refuses it if the appointment moved on meanwhile.
   */
  async handle(
    appointmentId: string,
    check: (state: AppointmentState) => void,
    command: AppointmentCommand,
    metadata: EventMetadata,
    loaded?: Aggregate<AppointmentState>,
  ): Promise<Aggregate<AppointmentState>> {
    for (let attempt = 0; ; attempt++) {
      const before =
        attempt === 0 && loaded !== undefined ? loaded : await this.load(appointmentId);
      check(before.state);
      try {
        return await this.append(appointmentId, this.decide(before, command), metadata);
      } catch (error) {
        if (attempt >= 2 || !(error instanceof ConcurrencyError)) throw error;
      }
    }
  }
}
