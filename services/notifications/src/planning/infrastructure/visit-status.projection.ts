import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import type { VisitStatus, VisitStatusReader } from '../../delivery/domain/visit-status';
import type {
  AppointmentBooked,
  AppointmentCancelled,
  AppointmentRescheduled,
  JoinLinkDeliveryRequested,
  PatientArrivedInWaitingRoom,
  SessionCreated,
  SessionEnded,
  SessionStarted,
} from '../domain/planning-events';
import { caregiversOf } from '../domain/visit-recipients';
import { utc, VisitStatusDocument, visitStatusOf } from './visit-status.document';

const DUPLICATE_KEY = 11000;
const isDuplicate = (error: unknown) => (error as { code?: unknown }).code === DUPLICATE_KEY;

/**
 * The `visit_status` view: where each appointment stands, followed from scheduling and sessions
 * events. Every event is one write by _id, guarded so that a redelivered or late event cannot
 * move it back: scheduling's changes by the time they were made (a booking applies once, a move
 * only over an older state, nothing over a settled visit), the visit's moments by `$min`/`$max`.
 * An upsert whose guard does not match fails on the existing _id: that duplicate is the no-op.
 */
@Injectable()
export class VisitStatusProjection implements VisitStatusReader {
  readonly collection: mongo.Collection<VisitStatusDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<VisitStatusDocument>('visit_status');
  }

  async statusOf(appointmentId: string): Promise<VisitStatus | undefined> {
    return visitStatusOf(await this.find(appointmentId));
  }

  find(appointmentId: string): Promise<VisitStatusDocument | null> {
    return this.collection.findOne({ _id: appointmentId });
  }

  /** The booking sets the visit's facts, once: a copy seen after a move changes nothing. */
  async booked(data: AppointmentBooked, eventId: string): Promise<void> {
    await this.upsertGuarded(
      { _id: data.appointmentId, changedAtMs: { $exists: false } },
      {
        $set: {
          patientId: data.patientId,
          caregiverIds: caregiversOf(data.participants),
          start: data.start,
          end: data.end,
          timeZone: data.timeZone,
          visitType: data.visitType,
          status: 'booked',
          changedAtMs: Date.parse(data.bookedAt),
          sequence: 0,
          lastChangeEventId: eventId,
        },
      },
    );
  }

  /**
   * Moves the visit and raises its calendar sequence, answering the visit as moved by this
   * event (also when a redelivery finds it already applied), or undefined when the move is
   * older than what the view holds or the visit is unknown or settled.
   */
  moved(data: AppointmentRescheduled, eventId: string): Promise<VisitStatusDocument | undefined> {
    return this.changeOnce(
      {
        _id: data.appointmentId,
        changedAtMs: { $lt: Date.parse(data.rescheduledAt) },
        settled: { $ne: true },
      },
      {
        $set: {
          start: data.start,
          end: data.end,
          timeZone: data.timeZone,
          changedAtMs: Date.parse(data.rescheduledAt),
          lastChangeEventId: eventId,
        },
        $inc: { sequence: 1 },
      },
      eventId,
    );
  }

  /** Cancels the visit (its calendar entry's last sequence), as `moved` answers. */
  cancelled(data: AppointmentCancelled, eventId: string): Promise<VisitStatusDocument | undefined> {
    return this.changeOnce(
      { _id: data.appointmentId, settled: { $ne: true } },
      {
        $set: { status: 'cancelled', settled: true, lastChangeEventId: eventId },
        $inc: { sequence: 1 },
      },
      eventId,
    );
  }

  /** The visit's outcome from scheduling: it took place, or someone did not come. */
  async settled(
    appointmentId: string,
    status: 'completed' | 'no-show',
    sessionId: string,
  ): Promise<void> {
    await this.collection.updateOne(
      { _id: appointmentId, settled: { $ne: true } },
      { $set: { status, settled: true, sessionId } },
    );
  }

  /**
   * The session of the visit. Its facts count only until the booking is seen (the two topics
   * are consumed apart, so either may come first); a session exists only for a booked visit.
   */
  async sessionCreated(data: SessionCreated): Promise<void> {
    await this.collection.updateOne(
      { _id: data.appointmentId },
      {
        $set: { sessionId: data.sessionId },
        $setOnInsert: {
          patientId: data.patientId,
          caregiverIds: caregiversOf(data.participants),
          start: data.scheduledStart,
          end: data.scheduledEnd,
          visitType: data.visitType,
          status: 'booked',
        },
      },
      { upsert: true },
    );
  }

  /** Keeps the patient's latest link (for the survey invitation); answers the visit. */
  async patientLinkRequested(data: JoinLinkDeliveryRequested): Promise<VisitStatusDocument | null> {
    const at = utc(data.requestedAt);
    try {
      return await this.collection.findOneAndUpdate(
        {
          _id: data.appointmentId,
          $or: [{ patientJoinLinkAt: { $exists: false } }, { patientJoinLinkAt: { $lte: at } }],
        },
        {
          $set: { patientJoinLink: data.link, patientJoinLinkAt: at, sessionId: data.sessionId },
        },
        { upsert: true, returnDocument: 'after' },
      );
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      return this.find(data.appointmentId); // a newer link is kept already
    }
  }

  /** The latest arrival in the waiting room; answers the visit. */
  arrived(data: PatientArrivedInWaitingRoom): Promise<VisitStatusDocument | null> {
    return this.collection.findOneAndUpdate(
      { _id: data.appointmentId },
      { $max: { arrivedAt: utc(data.arrivedAt) }, $set: { sessionId: data.sessionId } },
      { upsert: true, returnDocument: 'after' },
    );
  }

  /** The first admission from the waiting room (PatientAdmitted names the session only). */
  async admitted(appointmentId: string, admittedAt: string): Promise<void> {
    await this.collection.updateOne(
      { _id: appointmentId },
      { $min: { admittedAt: utc(admittedAt) } },
    );
  }

  /** The patient answered the survey (by the page, or before the invitation went out). */
  async surveyed(appointmentId: string, submittedAt: string): Promise<void> {
    await this.collection.updateOne(
      { _id: appointmentId },
      { $min: { surveyedAt: utc(submittedAt) } },
    );
  }

  async started(data: SessionStarted): Promise<void> {
    await this.collection.updateOne(
      { _id: data.appointmentId },
      { $min: { startedAt: utc(data.startedAt) }, $set: { sessionId: data.sessionId } },
      { upsert: true },
    );
  }

  /** The end of the visit (and its start, which it restates); answers the visit. */
  ended(data: SessionEnded): Promise<VisitStatusDocument | null> {
    return this.collection.findOneAndUpdate(
      { _id: data.appointmentId },
      {
        $min: {
          endedAt: utc(data.endedAt),
          ...(data.startedAt ? { startedAt: utc(data.startedAt) } : {}),
        },
        $set: { sessionId: data.sessionId },
      },
      { upsert: true, returnDocument: 'after' },
    );
  }

  private async upsertGuarded(
    filter: mongo.Filter<VisitStatusDocument>,
    update: mongo.UpdateFilter<VisitStatusDocument>,
  ): Promise<void> {
    try {
      await this.collection.updateOne(filter, update, { upsert: true });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  }

  /**
   * A scheduling change applied once, in one write: when its guard no longer matches, the view
   * is read, and it is this event's own state only if this event changed it last (a redelivery
   * after the messages failed to be planned).
   */
  private async changeOnce(
    filter: mongo.Filter<VisitStatusDocument>,
    update: mongo.UpdateFilter<VisitStatusDocument>,
    eventId: string,
  ): Promise<VisitStatusDocument | undefined> {
    const changed = await this.collection.findOneAndUpdate(filter, update, {
      returnDocument: 'after',
    });
    if (changed) return changed;
    const current = await this.find(filter._id as string);
    return current?.lastChangeEventId === eventId ? current : undefined;
  }
}
