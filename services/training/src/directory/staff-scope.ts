import { ForbiddenException, Injectable } from '@nestjs/common';
import { clinicFilterOf, coversAnyClinic, coversClinic, Principal } from '@thc/auth';
import { StaffClinics } from './staff-clinics.projection';

/**
 * Trainers, coordinators and admins act for the clinics they cover: on a staff member only if
 * they cover one of the staff member's clinics in the directory. A staff member the directory
 * has not recorded belongs to no clinic, so only a caller who covers every clinic reaches them.
 * A caller who covers every clinic costs no read.
 */
@Injectable()
export class StaffScope {
  constructor(private readonly clinics: StaffClinics) {}

  /** Throws 403 unless the caller covers one of the staff member's clinics. */
  async ensureCovers(principal: Principal, staffId: string): Promise<void> {
    if (clinicFilterOf(principal) === undefined) return;
    if (!coversAnyClinic(principal, (await this.clinics.clinicsOf(staffId)) ?? []))
      throw new ForbiddenException('the staff member works in no clinic you cover');
  }

  /**
   * The members of a team the caller may see, in one read: all of them when the team is a
   * clinic the caller covers (teams are usually clinics), otherwise those who work in a clinic
   * the caller covers.
   */
  async visibleMembers<T extends { readonly _id: string }>(
    principal: Principal,
    teamId: string,
    members: readonly T[],
  ): Promise<T[]> {
    if (coversClinic(principal, teamId)) return [...members];
    const clinics = await this.clinics.clinicsOfMany(members.map((member) => member._id));
    return members.filter((member) => coversAnyClinic(principal, clinics.get(member._id) ?? []));
  }
}
