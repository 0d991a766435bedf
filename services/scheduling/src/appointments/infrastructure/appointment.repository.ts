import { Injectable, Logger } from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import {
  Aggregate,
  AggregateRepository,
  AppendOptions,
  CommandsFor,
  ConcurrencyError,
  Decided,
  HandleOptions,
  HandleResult,
  MongoEventStore,
} from '@thc/event-store';
import { appointmentDecider } from '../domain/appointment.decider';
import { AppointmentCommand } from '../domain/appointment.commands';
import { AppointmentEvent, appointmentStreamId } from '../domain/appointment.events';
import { AppointmentState } from '../domain/appointment.state';
import { AppointmentViews } from './appointment-views.projection';

export type AppointmentDecided = Decided<AppointmentState, AppointmentEvent>;
export type AppointmentHandled = HandleResult<AppointmentState, AppointmentEvent>;

/**
 * The appointment streams in the service's event store (the relayed one), on the one command
 * pipeline: every event is checked against its contract before it is appended, and after
 * each append the appointment's view and its lists follow (see `AppointmentViews.follow`).
 */
@Injectable()
export class AppointmentRepository {
  private readonly aggregates: AggregateRepository<
    AppointmentState,
    AppointmentCommand,
    AppointmentEvent
  >;
  private readonly logger = new Logger(AppointmentRepository.name);

  constructor(store: MongoEventStore, views: AppointmentViews) {
    this.aggregates = new AggregateRepository(store, appointmentDecider, {
      validate: (event) => assertValidEvent(event.type, event.data),
      // The events are stored, so the command succeeded: a view that fails to save must not
      // turn it into an error (a booking's caller would give its time back). The next change
      // of the appointment saves the view again.
      afterAppend: (appended) => views.follow(appended),
      onAfterAppendError: (error, streamId) =>
        this.logger.warn(`views of ${streamId} not saved: ${(error as Error).message}`),
    });
  }

  load(appointmentId: string): Promise<Aggregate<AppointmentState>> {
    return this.aggregates.load(appointmentStreamId(appointmentId));
  }

  /** Decides without writing: the booking flow claims time between deciding and appending. */
  decide(
    before: Aggregate<AppointmentState>,
    command: AppointmentCommand | CommandsFor<AppointmentState, AppointmentCommand>,
  ): AppointmentDecided {
    return this.aggregates.decide(before, command);
  }

  /**
   * Appends what was decided against `before.version`; a concurrent change of the appointment
   * is a ConcurrencyError (the caller compensates).
   */
  append(
    appointmentId: string,
    decided: AppointmentDecided,
    options: AppendOptions = {},
  ): Promise<AppointmentHandled> {
    return this.aggregates.append(appointmentStreamId(appointmentId), decided, options);
  }

  /**
   * `append`, for a step whose failure gives time back: an error that may hide a write that
   * did land (a timeout, a dropped connection) is checked against the stream before it is
   * believed, so booked time is never released under a stored booking.
   */
  async appendOrConfirm(
    appointmentId: string,
    decided: AppointmentDecided,
    options: AppendOptions,
    landed: (state: AppointmentState) => boolean,
  ): Promise<Aggregate<AppointmentState>> {
    try {
      return await this.append(appointmentId, decided, options);
    } catch (error) {
      if (error instanceof ConcurrencyError) throw error;
      const now = await this.load(appointmentId).catch(() => undefined);
      if (now && now.version > decided.before.version && landed(now.state)) return now;
      throw error;
    }
  }

  /**
   * Load, check (access: may throw), decide, append, reloading and checking again when another
   * writer got in first (twice unless `retryOnConflict` says otherwise). A caller that has just
   * loaded the appointment passes it as `loaded`: no second read.
   */
  handle(
    appointmentId: string,
    command: AppointmentCommand | CommandsFor<AppointmentState, AppointmentCommand>,
    options: HandleOptions<AppointmentState> = {},
  ): Promise<AppointmentHandled> {
    return this.aggregates.handle(appointmentStreamId(appointmentId), command, {
      retryOnConflict: 2,
      ...options,
    });
  }
}
