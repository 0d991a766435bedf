import { Injectable } from '@nestjs/common';
import { AggregateRepository, MongoEventStore } from '@thc/event-store';
import type { AppointmentCommand } from '../../appointments/domain/appointment.commands';
import { appointmentDecider } from '../../appointments/domain/appointment.decider';
import {
  AppointmentEvent,
  appointmentStreamId,
} from '../../appointments/domain/appointment.events';
import type { AppointmentState } from '../../appointments/domain/appointment.state';
import type { FreedSlot } from '../domain/waitlist.commands';

/**
 * The slot a cancelled appointment gave up, read from its stream (AppointmentCancelled names
 * only the appointment). Read-only: the appointment's own repository lives in the module
 * that imports this one.
 */
@Injectable()
export class CancelledSlotReader {
  private readonly appointments: AggregateRepository<
    AppointmentState,
    AppointmentCommand,
    AppointmentEvent
  >;

  constructor(store: MongoEventStore) {
    this.appointments = new AggregateRepository(store, appointmentDecider);
  }

  /** The freed slot, or undefined when the appointment is not (or no longer) cancelled. */
  async freedBy(appointmentId: string): Promise<FreedSlot | undefined> {
    const { state } = await this.appointments.load(appointmentStreamId(appointmentId));
    if (state.status !== 'cancelled') return undefined;
    const { providerId, clinicId, visitType, start, end, timeZone } = state;
    return { providerId, clinicId, visitType, start, end, timeZone };
  }
}
