import { ForbiddenException, Injectable } from '@nestjs/common';
import { ensurePatientAccess, hasAnyRole, Principal } from '@thc/auth';
import { PatientClinics } from './infrastructure/patient-clinics.projection';

const NO_VISIT = 'the patient has no visit in a clinic you cover';
const OWN_ONLY = 'patients can reach only their own contact preferences';

/**
 * Who reaches a person's contact points, as scheduling decides for a patient's profile: the
 * patient themself (their own record, sealed under their own key); a coordinator or admin
 * through a visit of the patient the record belongs to in a clinic they cover. Covering every
 * clinic is not enough for a patient with no visit at all; a caregiver's record is reached
 * through the patient it names; an interpreter's own record (sealed under their own key) through
 * the clinics the directory says they work in.
 */
@Injectable()
export class PersonReach {
  constructor(private readonly clinics: PatientClinics) {}

  /** Throws 403 with the reason unless the caller reaches this person's record of this patient. */
  async ensure(principal: Principal, personId: string, patientId: string): Promise<void> {
    if (principal.roles.includes('patient') && principal.subject === personId) {
      if (personId === patientId) return;
      if (!hasAnyRole(principal, ['coordinator', 'admin'])) throw new ForbiddenException(OWN_ONLY);
    }
    if (hasAnyRole(principal, ['coordinator', 'admin'])) {
      const clinicIds = await this.clinics.clinicsOf(patientId);
      if (clinicIds.length === 0) throw new ForbiddenException(NO_VISIT);
      ensurePatientAccess(principal, patientId, false, clinicIds);
      return;
    }
    if (principal.roles.includes('patient')) throw new ForbiddenException(OWN_ONLY);
    ensurePatientAccess(principal, patientId, false);
  }

  /** Whether the caller is the person themself (an opt-out's source is then `patient`). */
  static isThePerson(principal: Principal, personId: string): boolean {
    return principal.roles.includes('patient') && principal.subject === personId;
  }
}
