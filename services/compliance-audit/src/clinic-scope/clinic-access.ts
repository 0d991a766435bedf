import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  clinicFilterOf,
  coversAnyClinic,
  ensurePatientAccess,
  isClinicScopedRole,
  Principal,
} from '@thc/auth';
import { CareLinks } from '../care-links/care-links.projection';
import { StaffDirectory } from '../directory/staff-directory.projection';

/**
 * The clinic bound on everyone who acts for a clinic (auditors, coordinators, admins): a
 * patient belongs to the clinics of their visits, a staff member to their clinics in the
 * directory. Someone this service knows no clinic of is reached only by a caller who covers
 * every clinic. A caller who covers every clinic costs no read.
 */
@Injectable()
export class ClinicAccess {
  constructor(
    private readonly care: CareLinks,
    private readonly directory: StaffDirectory,
  ) {}

  /**
   * The patient's clinics, as `ensurePatientAccess` wants them; read only when the caller's
   * reach depends on them (a patient reaches their own records, a provider by care).
   */
  async patientClinicsFor(principal: Principal, patientId: string): Promise<readonly string[]> {
    if (!principal.roles.some(isClinicScopedRole) || clinicFilterOf(principal) === undefined)
      return [];
    return this.care.clinicsOfPatient(patientId);
  }

  /** Throws 403 unless the caller may reach the patient's records (patient, care or clinic). */
  async ensurePatient(principal: Principal, patientId: string): Promise<void> {
    ensurePatientAccess(
      principal,
      patientId,
      undefined,
      await this.patientClinicsFor(principal, patientId),
    );
  }

  /** Throws 403 unless the caller covers one of the patient's clinics (auditors' reports). */
  async ensurePatientClinic(principal: Principal, patientId: string): Promise<void> {
    if (clinicFilterOf(principal) === undefined) return;
    if (!coversAnyClinic(principal, await this.care.clinicsOfPatient(patientId)))
      throw new ForbiddenException('the patient has no visit in a clinic you cover');
  }

  /** Throws 403 unless the caller covers one of the staff member's clinics. */
  async ensureStaffMember(principal: Principal, staffId: string): Promise<void> {
    if (clinicFilterOf(principal) === undefined) return;
    if (!coversAnyClinic(principal, await this.directory.clinicsOf(staffId)))
      throw new ForbiddenException('the staff member works in no clinic you cover');
  }

  /**
   * Of these patients, the ones the caller covers a clinic of, in one read: for lists and
   * exports that name many patients. Everyone when the caller covers every clinic.
   */
  async coveredPatients(
    principal: Principal,
    patientIds: readonly string[],
  ): Promise<(patientId: string | undefined) => boolean> {
    if (clinicFilterOf(principal) === undefined) return () => true;
    const clinics = await this.care.clinicsOfPatients(patientIds);
    return (patientId) =>
      patientId !== undefined && coversAnyClinic(principal, clinics.get(patientId) ?? []);
  }
}
