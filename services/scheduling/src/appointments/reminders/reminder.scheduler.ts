import { Clock, CLOCK, PeriodicRoundsHost } from '@thc/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { ReminderDueV1 } from '@thc/contracts';
import { ConcurrencyError, DuplicateEventIdError } from '@thc/event-store';
import { derivedEventId } from '@thc/event-store/decider';
import { APPOINTMENT_SETTINGS, AppointmentSettings } from '../appointments.settings';
import { APPOINTMENT_EVENT } from '../domain/appointment.events';
import { AppointmentRepository } from '../infrastructure/appointment.repository';
import { dueReminderOffset } from './due-reminder';
import {
  ReminderContactDocument,
  ReminderContacts,
} from '../infrastructure/reminder-contacts.projection';
import { REMINDER_DELIVERY, ReminderDelivery } from './reminder-delivery.port';

/**
 * Emits ReminderDue into the appointment's own stream, exactly once per start time and offset,
 * however many instances run and however often they restart: the decision is made on the
 * appointment's state and appended with the version it was made on (a reminder decided on a
 * visit that was moved or cancelled meanwhile is refused by the store), and the event id is
 * derived from appointment, start and offset (two instances deciding the same reminder write
 * the same id; the store keeps one). No check-then-write: the append is the check.
 */
@Injectable()
export class ReminderScheduler extends PeriodicRoundsHost {
  protected readonly roundName = 'reminder';

  constructor(
    private readonly contacts: ReminderContacts,
    private readonly appointments: AppointmentRepository,
    @Inject(REMINDER_DELIVERY) private readonly delivery: ReminderDelivery,
    @Inject(APPOINTMENT_SETTINGS) private readonly settings: AppointmentSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  protected periodMs(): number {
    return this.settings.reminderPollMs;
  }

  /** One pass over the appointments that want reminders; answers how many fell due. */
  protected async pass(): Promise<number> {
    let emitted = 0;
    for (const target of await this.contacts.open()) {
      if (await this.remind(target)) emitted++;
    }
    return emitted;
  }

  private async remind(target: ReminderContactDocument): Promise<boolean> {
    const now = this.clock();
    const before = await this.appointments.load(target._id);
    const { state } = before;
    if (state.status === 'none' || state.status === 'proposed') return false;
    if (state.status !== 'booked' || Date.parse(state.start) <= now.getTime()) {
      await this.contacts.close(target._id);
      return false;
    }
    const offset = dueReminderOffset(
      state.start,
      now,
      this.settings.reminderOffsetsMinutes,
      state.remindersDue ?? [],
    );
    if (offset === undefined) return false;
    const name = `reminder/${state.appointmentId}/${Date.parse(state.start)}/${offset}`;
    const decided = this.appointments.decide(before, {
      type: 'EmitReminder',
      reminderId: derivedEventId(name),
      offsetMinutes: offset,
      channel: target.channel,
      contact: target.contact,
      at: now.toISOString(),
    });
    if (decided.events.length === 0) return false;
    try {
      await this.appointments.append(state.appointmentId, decided, {
        metadata: { actor: 'scheduling' },
        eventIds: [derivedEventId(`${name}/event`)],
      });
    } catch (error) {
      // Another instance emitted it, or the visit changed: the next round decides again.
      if (error instanceof DuplicateEventIdError || error instanceof ConcurrencyError) return false;
      throw error;
    }
    const [event] = decided.events;
    if (event?.type === APPOINTMENT_EVENT.reminderDue)
      await this.delivery.deliver(event.data as ReminderDueV1);
    return true;
  }
}
