import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { assertValidEvent, EncryptedField, PatientProfileRecordedV1, upcast } from '@thc/contracts';
import { EventMetadata, MongoEventStore } from '@thc/event-store';
import { Connection, mongo } from 'mongoose';

export const PATIENT_PROFILE_RECORDED = 'thc.scheduling.PatientProfileRecorded.v1';

export const patientProfileStream = (patientId: string): string => `patient-profile-${patientId}`;

/** The latest profile of a patient as the event holds it (language sealed), and its version. */
export interface PatientProfileView {
  readonly _id: string;
  readonly version: number;
  readonly preferredLanguage: EncryptedField;
  /** Dropped on the patient's erasure, with the rest of the plaintext scheduling keeps. */
  readonly stateOfResidence?: string;
  readonly recordedAt: string;
}

const DUPLICATE_KEY = 11000;

/**
 * Patients' profiles: one stream per patient in the event store (the truth), and one view per
 * patient keyed by `_id` = patientId (FerretDB reads any other field by scanning). The view is
 * saved after every append and never over a newer version.
 */
@Injectable()
export class PatientProfiles {
  private readonly views: mongo.Collection<PatientProfileView>;

  constructor(
    private readonly store: MongoEventStore,
    @InjectConnection() connection: Connection,
  ) {
    this.views = connection.collection<PatientProfileView>('patient_profiles');
  }

  async find(patientId: string): Promise<PatientProfileView | undefined> {
    return (await this.views.findOne({ _id: patientId })) ?? undefined;
  }

  /**
   * Appends the profile after `expectedVersion` (0: none yet) and saves its view. Throws
   * ConcurrencyError when the stream is elsewhere: another writer, or a view left behind.
   */
  async append(
    expectedVersion: number,
    data: PatientProfileRecordedV1,
    metadata: EventMetadata,
  ): Promise<number> {
    assertValidEvent(PATIENT_PROFILE_RECORDED, data);
    const appended = await this.store.append(
      patientProfileStream(data.patientId),
      expectedVersion,
      [{ type: PATIENT_PROFILE_RECORDED, data, metadata }],
    );
    await this.save(data, appended.nextExpectedVersion);
    return appended.nextExpectedVersion;
  }

  /**
   * Brings the view up to the stream (a process that died between append and save leaves it
   * behind, and every append on it would conflict). Reads the stream: only after a conflict.
   */
  async catchUp(patientId: string): Promise<PatientProfileView | undefined> {
    const events = await this.store.load(patientProfileStream(patientId));
    const last = events.at(-1);
    if (!last) return undefined;
    await this.save(upcast(last).data as PatientProfileRecordedV1, last.version);
    return this.find(patientId);
  }

  /**
   * After the patient's erasure: drops the plaintext the view keeps (the state); the sealed
   * language stays, unreadable now, and the version with it, so a later PUT still appends
   * after the stream's head (and is refused: nothing new is kept about an erased patient).
   */
  async forgetPatient(patientId: string): Promise<void> {
    await this.views.updateOne({ _id: patientId }, { $unset: { stateOfResidence: '' } });
  }

  private async save(data: PatientProfileRecordedV1, version: number): Promise<void> {
    const view: PatientProfileView = {
      _id: data.patientId,
      version,
      preferredLanguage: data.preferredLanguage,
      stateOfResidence: data.stateOfResidence,
      recordedAt: data.recordedAt,
    };
    const { _id, ...fields } = view;
    const updated = await this.views.updateOne(
      { _id, version: { $lt: version } },
      { $set: fields },
    );
    if (updated.matchedCount > 0) return;
    try {
      await this.views.insertOne(view);
    } catch (error) {
      // Already there, at this version or a newer one.
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
  }
}
