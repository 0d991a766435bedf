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
  /** Set once the appointment can get no more reminders (past, cancelled, finished). */
  readonly closed?: boolean;
}

/**
 * The appointments that want reminders: one document per appointment, keyed by its id, written
 * when it is booked with a contact. The reminder scheduler walks the open ones.
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
    return this.contacts.find({ closed: { $ne: true } }).toArray();
  }

  async close(appointmentId: string): Promise<void> {
    await this.contacts.updateOne({ _id: appointmentId }, { $set: { closed: true } });
  }
}
