import { Injectable } from '@nestjs/common';
import { coversClinic, Principal } from '@thc/auth';
import { isClinicScoped } from '../directory-access';
import { DirectoryQueries } from '../directory.queries';
import { DirectoryStore } from '../infrastructure/directory.projection';
import { fhirPractitionerRoles } from './fhir-directory.mappers';

/**
 * A staff member's roles, one per clinic they work in: all their own to themselves, only those
 * in the clinics a clinic-scoped reader covers to anyone else.
 */
@Injectable()
export class PractitionerRolesQuery {
  constructor(
    private readonly queries: DirectoryQueries,
    private readonly directory: DirectoryStore,
  ) {}

  async execute(staffId: string, principal: Principal) {
    const staff = await this.queries.staffMember(staffId, principal);
    const own = principal.subject === staff.staffId;
    const clinicIds = staff.clinicIds.filter(
      (clinicId) => own || !isClinicScoped(principal) || coversClinic(principal, clinicId),
    );
    const clinics = await this.directory.clinics.views.findMany(clinicIds);
    const names = new Map(clinics.map((view) => [view._id, view.record.name]));
    return fhirPractitionerRoles({ ...staff, clinicIds }, names);
  }
}
