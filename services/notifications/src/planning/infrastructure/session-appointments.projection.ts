import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';

/** Which appointment a session is the visit of, for the sessions events that name only the session. */
export interface SessionAppointmentDocument {
  readonly _id: string;
  readonly appointmentId: string;
}

const DUPLICATE_KEY = 11000;

/** `session_appointments`: sessionId -> appointmentId, written once from SessionCreated. */
@Injectable()
export class SessionAppointments {
  readonly collection: mongo.Collection<SessionAppointmentDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<SessionAppointmentDocument>('session_appointments');
  }

  async record(sessionId: string, appointmentId: string): Promise<void> {
    try {
      await this.collection.insertOne({ _id: sessionId, appointmentId });
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
  }

  async appointmentOf(sessionId: string): Promise<string | undefined> {
    return (await this.collection.findOne({ _id: sessionId }))?.appointmentId;
  }
}
