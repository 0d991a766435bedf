import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';

/**
 * The clinics whose staff reach a person's contact points (`_id` = personId): for a patient,
 * where they had a visit requested or booked; for a staff member (an interpreter), where the
 * directory says they work.
 */
interface ClinicsOfPerson {
  readonly _id: string;
  readonly clinicIds: string[];
}

/**
 * `patient_clinics`: which clinics' coordinators and admins reach a patient's contact points,
 * as scheduling decides for the patient's profile (a visit in a clinic they cover).
 */
@Injectable()
export class PatientClinics {
  private readonly clinics: mongo.Collection<ClinicsOfPerson>;

  constructor(@InjectConnection() connection: Connection) {
    this.clinics = connection.collection<ClinicsOfPerson>('patient_clinics');
  }

  /** Idempotent: a redelivered booking adds nothing. */
  async add(patientId: string, clinicId: string): Promise<void> {
    await this.clinics.updateOne(
      { _id: patientId },
      { $addToSet: { clinicIds: clinicId } },
      { upsert: true },
    );
  }

  /** A staff member's clinics as the directory states them now (the whole list, latest wins). */
  async setStaffClinics(staffId: string, clinicIds: readonly string[]): Promise<void> {
    await this.clinics.updateOne(
      { _id: staffId },
      { $set: { clinicIds: [...clinicIds] } },
      { upsert: true },
    );
  }

  async clinicsOf(patientId: string): Promise<readonly string[]> {
    return (await this.clinics.findOne({ _id: patientId }))?.clinicIds ?? [];
  }
}
