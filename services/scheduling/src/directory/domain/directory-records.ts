import type {
  ClinicRecordedV1,
  OrganizationRecordedV1,
  StaffMemberRecordedV1,
} from '@thc/contracts';

type RecordOf<Event> = Omit<Event, 'recordedAt' | 'recordedBy'>;

/** An organization as the directory lists it, without who recorded it when. */
export type OrganizationRecord = RecordOf<OrganizationRecordedV1>;
export type ClinicRecord = RecordOf<ClinicRecordedV1>;
export type StaffRecord = RecordOf<StaffMemberRecordedV1>;
export type StaffFunction = StaffRecord['functions'][number];

/** Who records directory entries: an admin, or a service importing them. */
export type RecordActor = OrganizationRecordedV1['recordedBy'];

export type DirectoryRecord = OrganizationRecord | ClinicRecord | StaffRecord;

/**
 * The record in one canonical form: set-like lists sorted and absent options dropped, so the
 * same facts listed in another order (an EHR export, a retried import) compare equal.
 */
export function canonicalStaff(record: StaffRecord): StaffRecord {
  const { prefix, suffix, ...name } = record.name;
  return withoutUndefined({
    ...record,
    name: {
      ...name,
      ...(prefix && prefix.length > 0 ? { prefix } : {}),
      ...(suffix && suffix.length > 0 ? { suffix } : {}),
    },
    functions: [...record.functions].sort(),
    clinicIds: [...record.clinicIds].sort(),
    languages: [...record.languages].sort(),
    licences: [...record.licences].sort(
      (a, b) => a.state.localeCompare(b.state) || a.number.localeCompare(b.number),
    ),
  });
}

export function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
