import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { EventDataOf } from '@thc/contracts';
import { applyOnce } from '@thc/messaging';
import { Connection, mongo } from 'mongoose';

type ClinicRecorded = EventDataOf<'thc.scheduling.ClinicRecorded.v1'>;

interface ClinicNameDocument {
  readonly _id: string;
  readonly name: string;
  /** Recorded since the visit page shows the visit's time in it; absent on older records. */
  readonly timeZone?: string;
}

/**
 * Each clinic's name as the directory last recorded it, one document keyed by clinicId (`_id`,
 * the only index FerretDB uses), for the views people read (the Encounter's location). A
 * clinic's records share a Kafka key, so they arrive in order and the latest applied wins;
 * each is applied once.
 */
@Injectable()
export class ClinicNames {
  private readonly collection: mongo.Collection<ClinicNameDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<ClinicNameDocument>('clinic_names');
  }

  /** The clinic's name; undefined when the directory has not recorded the clinic. */
  async nameOf(clinicId: string): Promise<string | undefined> {
    const document = await this.collection.findOne({ _id: clinicId }, { projection: { name: 1 } });
    return document?.name;
  }

  /** The clinic's name and time zone, as far as the directory has recorded them. */
  async placeOf(clinicId: string): Promise<{ name?: string; timeZone?: string }> {
    const document = await this.collection.findOne(
      { _id: clinicId },
      { projection: { name: 1, timeZone: 1 } },
    );
    return {
      ...(document?.name ? { name: document.name } : {}),
      ...(document?.timeZone ? { timeZone: document.timeZone } : {}),
    };
  }

  /** The name and time zone of each of these clinics, in one read; unrecorded ones are absent. */
  async placesOf(
    clinicIds: readonly string[],
  ): Promise<ReadonlyMap<string, { name: string; timeZone?: string }>> {
    const wanted = [...new Set(clinicIds)];
    if (wanted.length === 0) return new Map();
    const documents = await this.collection
      .find({ _id: { $in: wanted } }, { projection: { name: 1, timeZone: 1 } })
      .toArray();
    return new Map(
      documents.map(({ _id, name, timeZone }) => [
        _id,
        { name, ...(timeZone ? { timeZone } : {}) },
      ]),
    );
  }

  recorded(eventId: string, data: ClinicRecorded): Promise<boolean> {
    return applyOnce(
      this.collection as unknown as mongo.Collection<mongo.Document>,
      { _id: data.clinicId },
      { $set: { name: data.name, timeZone: data.timeZone } },
      eventId,
    );
  }
}
