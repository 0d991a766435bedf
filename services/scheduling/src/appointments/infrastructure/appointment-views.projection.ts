import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Aggregate, Appended } from '@thc/event-store';
import { Connection, mongo } from 'mongoose';
import { utcDaysTouched } from '../../booking-ledger/ledger-days';
import { APPOINTMENT_EVENT, AppointmentEvent } from '../domain/appointment.events';
import { AppointmentState, Scheduled } from '../domain/appointment.state';
import { upsertAll } from '../../booking-ledger/upsert-all';

/** An appointment as lists show it: the state after `version` events, plus booking extras. */
export type AppointmentViewDocument = Scheduled & {
  readonly _id: string;
  readonly version: number;
  readonly interpreterLanguage?: string;
};

interface IndexDocument {
  readonly _id: string;
  readonly appointmentIds: string[];
  /** On a patient's list only: the clinics of their appointments, for clinic-scoped access. */
  readonly clinicIds?: string[];
}

/** A patient's appointments as one caller may list them, and every clinic the patient has. */
export interface PatientAppointments {
  readonly views: AppointmentViewDocument[];
  readonly clinicIds: string[];
}

const scheduled = (state: AppointmentState): state is Scheduled =>
  state.status !== 'none' && state.status !== 'proposed';

const DUPLICATE_KEY = 11000;
const isDuplicateKey = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;

/**
 * Read models keyed by `_id` only (FerretDB uses no other index): one view per appointment,
 * and index documents per patient and per provider-day listing appointment ids. The event
 * store stays the truth: both follow the appointment's stream after each append (`follow`),
 * and readers drop an id whose view is missing or names someone else.
 */
@Injectable()
export class AppointmentViews {
  private readonly views: mongo.Collection<AppointmentViewDocument>;
  private readonly index: mongo.Collection<IndexDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.views = connection.collection<AppointmentViewDocument>('appointment_views');
    this.index = connection.collection<IndexDocument>('appointment_index');
  }

  /**
   * After an append to the appointment's stream: a booking or a move lists the appointment
   * under its patient and its provider's days, and the view is created (a new stream) or saved.
   */
  async follow({
    before,
    after,
    events,
  }: Appended<AppointmentState, AppointmentEvent>): Promise<void> {
    const listed = events.some(
      (event) =>
        event.type === APPOINTMENT_EVENT.booked || event.type === APPOINTMENT_EVENT.rescheduled,
    );
    await Promise.all([
      listed && scheduled(after.state) ? this.indexAppointment(after.state) : undefined,
      before.version === 0 ? this.create(after) : this.save(after),
    ]);
  }

  /**
   * Saves the view unless a newer version is already there (a slower writer loses); a view
   * that is not there yet is inserted. An update first: the view of a changed appointment
   * almost always exists, so this is one write.
   */
  async save({ state, version }: Aggregate<AppointmentState>): Promise<void> {
    if (!scheduled(state)) return;
    const { appointmentId } = state;
    const updated = await this.views.updateOne(
      { _id: appointmentId, version: { $lt: version } },
      { $set: { ...state, version } },
    );
    if (updated.matchedCount > 0) return;
    try {
      await this.views.insertOne({ ...state, _id: appointmentId, version });
    } catch (error) {
      // Already there, at this version or a newer one.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Inserts the first view of a new appointment (see `save`). */
  async create(after: Aggregate<AppointmentState>): Promise<void> {
    const { state, version } = after;
    if (!scheduled(state)) return;
    try {
      await this.views.insertOne({ ...state, _id: state.appointmentId, version });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.save(after);
    }
  }

  /**
   * The interpreter's language is not in AppointmentBooked.v1, so only this view keeps it;
   * called after the first save, so it never creates a view.
   */
  async noteLanguage(appointmentId: string, language: string): Promise<void> {
    await this.views.updateOne({ _id: appointmentId }, { $set: { interpreterLanguage: language } });
  }

  async languageOf(appointmentId: string): Promise<string | undefined> {
    return (await this.views.findOne({ _id: appointmentId }))?.interpreterLanguage;
  }

  /**
   * After the patient's erasure: drops the one plaintext fact the views keep beyond the events
   * (the interpreter's language) from each of their appointments. Status, times and ids stay,
   * so lists and counts still add up. Returns the patient's appointment ids.
   */
  async forgetPatient(patientId: string): Promise<string[]> {
    const entry = await this.index.findOne({ _id: `patient-${patientId}` });
    const appointmentIds = entry?.appointmentIds ?? [];
    if (appointmentIds.length > 0)
      await this.views.updateMany(
        { _id: { $in: appointmentIds }, patientId },
        { $unset: { interpreterLanguage: '' } },
      );
    return appointmentIds;
  }

  /**
   * Lists the appointment under its patient and its provider's days: one bulk write of
   * `$addToSet` upserts, whether the lists exist yet or not. The patient's list also gathers
   * the clinics of their appointments, which decide whether a coordinator reaches the patient
   * at all, without reading a single appointment.
   */
  private async indexAppointment(appointment: Scheduled): Promise<void> {
    const { appointmentId, patientId, providerId, start, end, clinicId } = appointment;
    const days = utcDaysTouched(start, end).map((day) => `provider-${providerId}-${day}`);
    await upsertAll(this.index, [
      {
        filter: { _id: `patient-${patientId}` },
        update: { $addToSet: { appointmentIds: appointmentId, clinicIds: clinicId } },
      },
      ...days.map((_id) => ({
        filter: { _id },
        update: { $addToSet: { appointmentIds: appointmentId } },
      })),
    ]);
  }

  async forPatient(patientId: string): Promise<AppointmentViewDocument[]> {
    return (await this.ofPatient(patientId)).views;
  }

  /**
   * The patient's appointments, only those in `clinicIds` when given (the caller's clinic
   * scope, applied in the query), and the clinics of all of them: those the index lists, and
   * those of the views read (lists indexed before clinics were kept have none of their own).
   */
  async ofPatient(patientId: string, clinicIds?: readonly string[]): Promise<PatientAppointments> {
    const entry = await this.index.findOne({ _id: `patient-${patientId}` });
    const views = (await this.byIds(entry?.appointmentIds ?? [], clinicIds)).filter(
      (view) => view.patientId === patientId,
    );
    const clinics = new Set([...(entry?.clinicIds ?? []), ...views.map((view) => view.clinicId)]);
    return { views, clinicIds: [...clinics] };
  }

  /** The provider's appointments overlapping [from, to), only those in `clinicIds` when given. */
  async forProvider(
    providerId: string,
    from: string,
    to: string,
    clinicIds?: readonly string[],
  ): Promise<AppointmentViewDocument[]> {
    const keys = utcDaysTouched(from, to).map((day) => `provider-${providerId}-${day}`);
    const entries = await this.index.find({ _id: { $in: keys } }).toArray();
    const ids = [...new Set(entries.flatMap((entry) => entry.appointmentIds))];
    const startMs = Date.parse(from);
    const endMs = Date.parse(to);
    return (await this.byIds(ids, clinicIds)).filter(
      (view) =>
        view.providerId === providerId &&
        Date.parse(view.start) < endMs &&
        startMs < Date.parse(view.end),
    );
  }

  /** Views by id, bounded to `clinicIds` in the query when given (none when it is empty). */
  private async byIds(
    ids: readonly string[],
    clinicIds?: readonly string[],
  ): Promise<AppointmentViewDocument[]> {
    if (ids.length === 0 || clinicIds?.length === 0) return [];
    const views = await this.views
      .find({
        _id: { $in: [...ids] },
        ...(clinicIds === undefined ? {} : { clinicId: { $in: [...clinicIds] } }),
      })
      .toArray();
    return views.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }
}
