import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { EventDataOf } from '@thc/contracts';
import { applyOnce } from '@thc/messaging';
import { Connection, mongo } from 'mongoose';

type StaffMemberRecorded = EventDataOf<'thc.scheduling.StaffMemberRecorded.v1'>;

interface StaffClinicsDocument {
  readonly _id: string;
  readonly clinicIds: readonly string[];
  readonly active: boolean;
  readonly recordedAt: string;
}

/**
 * The clinics each staff member belongs to, as the directory (scheduling) records them: one
 * document per staff member keyed by staffId (`_id`, the only index FerretDB uses). Each event
 * is applied once; the last applied wins (a staff member's events share one Kafka key, so they
 * arrive in order, and a redelivered one is a duplicate that changes nothing).
 */
@Injectable()
export class StaffClinics {
  private readonly collection: mongo.Collection<StaffClinicsDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<StaffClinicsDocument>('training_staff_clinics');
  }

  recorded(eventId: string, data: StaffMemberRecorded): Promise<boolean> {
    return applyOnce(
      this.collection as unknown as mongo.Collection<mongo.Document>,
      { _id: data.staffId },
      {
        $set: {
          clinicIds: data.clinicIds,
          active: data.active,
          recordedAt: new Date(data.recordedAt).toISOString(),
        },
      },
      eventId,
    );
  }

  /** The staff member's clinics, or undefined when the directory has not recorded them. */
  async clinicsOf(staffId: string): Promise<readonly string[] | undefined> {
    return (await this.collection.findOne({ _id: staffId }, { projection: { clinicIds: 1 } }))
      ?.clinicIds;
  }

  /** `clinicsOf` for several staff members, in one `$in` read; unknown ones are left out. */
  async clinicsOfMany(staffIds: readonly string[]): Promise<Map<string, readonly string[]>> {
    if (staffIds.length === 0) return new Map();
    const documents = await this.collection
      .find({ _id: { $in: [...new Set(staffIds)] } }, { projection: { clinicIds: 1 } })
      .toArray();
    return new Map(documents.map((document) => [document._id, document.clinicIds]));
  }
}
