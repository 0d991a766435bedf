import type {
  ClinicRecord,
  OrganizationRecord,
  RecordActor,
  StaffRecord,
} from './directory-records';

interface RecordCommand<Type extends string, Record> {
  readonly type: Type;
  /** The whole record as it should now read; absent fields are absent, not kept. */
  readonly record: Record;
  /** When it was issued (ISO-8601); the deciders have no clock. */
  readonly issuedAt: string;
  readonly issuedBy: RecordActor;
}

/** What the directory already lists of another record, as a command's decider needs it. */
export interface KnownOrganization {
  readonly organizationId: string;
}

export interface KnownClinic {
  readonly clinicId: string;
  readonly organizationId: string;
}

export interface RecordOrganization extends RecordCommand<
  'RecordOrganization',
  OrganizationRecord
> {
  /** The organization named by `partOf`, when the directory lists it. */
  readonly parent?: KnownOrganization;
}

export interface RecordClinic extends RecordCommand<'RecordClinic', ClinicRecord> {
  /** The clinic's organization, when the directory lists it. */
  readonly organization?: KnownOrganization;
}

export interface RecordStaffMember extends RecordCommand<'RecordStaffMember', StaffRecord> {
  readonly organization?: KnownOrganization;
  /** Those of the record's clinics the directory lists. */
  readonly clinics: readonly KnownClinic[];
}
