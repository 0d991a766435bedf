import { ForbiddenException, Injectable } from '@nestjs/common';
import { ensurePatientAccess, hasAnyRole, Principal } from '@thc/auth';
import { AppointmentViews } from '../../appointments/infrastructure/appointment-views.projection';
import { AppointmentProviderCare } from '../../appointments/provider-care';

const NO_VISIT = 'the patient has no visit in a clinic you cover';

/**
 * Who reaches a patient's profile, as for their appointments: the patient themself; a
 * coordinator or admin through a visit of the patient in a clinic they cover (the clinics come
 * from the patient's appointment index, one `_id` read); for reads, a provider within the care
 * window of a visit with them. Covering some clinic, or all of them, is not enough: a patient
 * with no visit yet records their own profile, and staff never read or write the profile of a
 * patient they have no visit with.
 */
@Injectable()
export class PatientReach {
  constructor(
    private readonly appointments: AppointmentViews,
    private readonly care: AppointmentProviderCare,
  ) {}

  /** Throws 403 with the reason when the caller does not reach the patient. */
  async ensure(
    principal: Principal,
    patientId: string,
    providers: 'in-care' | 'refused',
  ): Promise<void> {
    if (principal.roles.includes('patient') && principal.subject === patientId) return;
    if (hasAnyRole(principal, ['coordinator', 'admin'])) {
      // Only the index: an empty scope reads no appointment, and the clinics are all it gives.
      const { clinicIds } = await this.appointments.ofPatient(patientId, []);
      // A token covering every clinic would reach a patient with no visit at all: not here.
      if (clinicIds.length === 0) throw new ForbiddenException(NO_VISIT);
      ensurePatientAccess(principal, patientId, false, clinicIds);
      return;
    }
    if (providers === 'in-care' && principal.roles.includes('provider')) {
      const { views } = await this.appointments.ofPatient(patientId);
      const theirs = views.filter((view) => view.providerId === principal.subject);
      ensurePatientAccess(principal, patientId, this.care.isCurrent(theirs));
      return;
    }
    ensurePatientAccess(principal, patientId, false);
  }
}
