import { staffDisplayName } from '@thc/contracts';
import type { ClinicRecord, StaffRecord } from '../domain/directory-records';
import type { ClinicListing, StaffListing } from '../directory.port';

/** A staff member as booking reads them, named as people read them. */
export function staffListingOf(record: StaffRecord): StaffListing {
  return {
    staffId: record.staffId,
    organizationId: record.organizationId,
    displayName: staffDisplayName(record.name),
    functions: record.functions,
    clinicIds: record.clinicIds,
    languages: record.languages,
    licences: record.licences,
    active: record.active,
  };
}

export function clinicListingOf(record: ClinicRecord): ClinicListing {
  return {
    clinicId: record.clinicId,
    organizationId: record.organizationId,
    name: record.name,
    timeZone: record.timeZone,
    state: record.address.state,
    active: record.active,
  };
}
