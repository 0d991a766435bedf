import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import type { ReminderChannel, SealedText } from '../domain/appointment.events';

/** Where an appointment's reminders go; the address is sealed under the patient's key. */
export interface ReminderContactDocument {
  readonly _id: string;
  readonly patientId: string;
  readonly channel: ReminderChannel;
  readonly contact: SealedText;
}

/**
 * The appointments that still want reminders: one document per appointment, keyed by its id,
 * written when it is booked with a contact and removed once it can get no more (past, cancelled,
 * finished). A work list rather than a history, so the scheduler's round reads the upcoming
 * appointments only, however many years of visits lie behind them.
 */
@Injectable()
export class ReminderContacts {
  private readonly contacts: mongo.Collection<ReminderContactDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.contacts = connection.collection<ReminderContactDocument>('reminder_contacts');
  }

  async record(
    appointmentId: string,
    patientId: string,
    channel: ReminderChannel,
    contact: SealedText,
  ) {
    await this.contacts.replaceOne(
      { _id: appointmentId },
      { patientId, channel, contact },
      { upsert: true },
    );
  }

  open(): Promise<ReminderContactDocument[]> {
    return this.contacts.find().toArray();
  }

  async close(appointmentId: string): Promise<void> {
    await this.contacts.deleteOne({ _id: appointmentId });
  }

  /** An erased patient gets no more reminders: their contacts go, whatever the appointments. */
  async closeFor(patientId: string, appointmentIds: readonly string[]): Promise<void> {
    if (appointmentIds.length === 0) return;
    await this.contacts.deleteMany({ _id: { $in: [...appointmentIds] }, patientId });
  }
}
