/**
 * What the rest of scheduling reads from the directory: who a staff member is, what they do,
 * where, the languages they speak and their state licences; where a clinic is. The directory
 * module keeps it (from its own events); booking asks it for licences and interpreters.
 */
export interface StateLicenceListing {
  /** USPS code. */
  readonly state: string;
  readonly number: string;
  /** Valid through the end of this date (UTC), `YYYY-MM-DD`. */
  readonly expiresOn: string;
}

export interface StaffListing {
  readonly staffId: string;
  readonly organizationId: string;
  /** As a person reads it: "Dr. Adaeze Okafor". */
  readonly displayName: string;
  readonly functions: readonly string[];
  readonly clinicIds: readonly string[];
  readonly languages: readonly string[];
  readonly licences: readonly StateLicenceListing[];
  readonly active: boolean;
}

export interface ClinicListing {
  readonly clinicId: string;
  readonly organizationId: string;
  readonly name: string;
  readonly timeZone: string;
  /** USPS code of the clinic's address. */
  readonly state: string;
  readonly active: boolean;
}

export interface DirectoryReader {
  staffMember(staffId: string): Promise<StaffListing | undefined>;
  clinic(clinicId: string): Promise<ClinicListing | undefined>;
  /** Active interpreters who speak `language`, in a stable order (the pool a booking draws on). */
  interpreters(language: string): Promise<readonly StaffListing[]>;
  /**
   * Staff id → name as people read it ("Dr. Adaeze Okafor"), in one read, for views that name
   * people (FHIR). A staff member the directory does not list has no entry.
   */
  staffNames(staffIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** Clinic id → name, in one read; a clinic the directory does not list has no entry. */
  clinicNames(clinicIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

export const DIRECTORY_READER = Symbol('DirectoryReader');
