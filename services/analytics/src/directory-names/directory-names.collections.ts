import type { mongo } from 'mongoose';

/** A clinic as analytics names it, with the staff the directory lists in it (its roster). */
export interface ClinicNameDocument {
  readonly _id: string;
  readonly name?: string;
  readonly recordedAt?: Date;
  readonly staffIds?: readonly string[];
}

/** A staff member as analytics names them, with the clinics they are on the roster of. */
export interface StaffNameDocument {
  readonly _id: string;
  readonly name: string;
  readonly clinicIds: readonly string[];
  readonly recordedAt: Date;
}

/**
 * The directory's names, keyed by clinic id and staff id: every read is by `_id`. Not part of
 * the versioned visit-metrics projection: a name is the latest record, whatever the version.
 */
export class DirectoryNamesCollections {
  readonly clinics: mongo.Collection<ClinicNameDocument>;
  readonly staff: mongo.Collection<StaffNameDocument>;

  constructor(db: mongo.Db) {
    this.clinics = db.collection<ClinicNameDocument>('directory_clinic_names');
    this.staff = db.collection<StaffNameDocument>('directory_staff_names');
  }
}
