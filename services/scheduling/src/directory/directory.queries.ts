import { staffDisplayName } from '@thc/contracts';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { clinicFilterOf, coversAnyClinic, coversClinic, Principal } from '@thc/auth';
import { isClinicScoped } from './directory-access';
import type { ClinicRecord, OrganizationRecord, StaffRecord } from './domain/directory-records';
import { DirectoryStore } from './infrastructure/directory.projection';
import type { RecordView } from './infrastructure/record-views';
import { OrganizationReach } from './organization-reach';

export type OrganizationAnswer = OrganizationRecord & { readonly version: number };
export type ClinicAnswer = ClinicRecord & { readonly version: number };
export type StaffAnswer = StaffRecord & { readonly displayName: string; readonly version: number };

const withVersion = <R>(view: RecordView<R>) => ({ ...view.record, version: view.version });
const staffAnswer = (view: RecordView<StaffRecord>): StaffAnswer => ({
  ...withVersion(view),
  displayName: staffDisplayName(view.record.name),
});
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * The directory's reads, bounded by who asks. A record outside the caller's reach answers 404,
 * as one that does not exist: the answer tells nothing of other clinics.
 */
@Injectable()
export class DirectoryQueries {
  constructor(
    private readonly directory: DirectoryStore,
    private readonly reach: OrganizationReach,
  ) {}

  async organization(organizationId: string, principal: Principal): Promise<OrganizationAnswer> {
    const view = await this.directory.organizations.find(organizationId);
    if (!view || !(await this.reach.of(principal)(organizationId)))
      throw new NotFoundException(`organization ${organizationId} is not in the directory`);
    return withVersion(view);
  }

  /** Staff read the clinics they cover; providers and patients any clinic of the organization. */
  async clinic(clinicId: string, principal: Principal): Promise<ClinicAnswer> {
    const view = await this.directory.clinics.find(clinicId);
    if (
      !view ||
      (isClinicScoped(principal) && !coversClinic(principal, clinicId)) ||
      !(await this.reach.of(principal)(view.record.organizationId))
    )
      throw new NotFoundException(`clinic ${clinicId} is not in the directory`);
    return withVersion(view);
  }

  /** The clinics the caller covers (a provider: those they work in), by name. */
  async clinics(principal: Principal): Promise<ClinicAnswer[]> {
    const ids = isClinicScoped(principal)
      ? (clinicFilterOf(principal) ?? (await this.allClinicIds(principal)))
      : ((await this.directory.staff.find(principal.subject))?.record.clinicIds ?? []);
    const views = await this.directory.clinics.views.findMany(ids);
    const reaches = this.reach.of(principal);
    const reached = await Promise.all(views.map((view) => reaches(view.record.organizationId)));
    return views
      .filter((_, index) => reached[index])
      .map(withVersion)
      .sort(byName);
  }

  /** Staff reach a colleague in a clinic they cover; anyone reads their own record. */
  async staffMember(staffId: string, principal: Principal): Promise<StaffAnswer> {
    const view = await this.directory.staff.find(staffId);
    const reachable =
      view !== undefined &&
      (principal.subject === staffId ||
        (isClinicScoped(principal) && coversAnyClinic(principal, view.record.clinicIds))) &&
      (await this.reach.of(principal)(view.record.organizationId));
    if (!view || !reachable)
      throw new NotFoundException(`staff member ${staffId} is not in the directory`);
    return staffAnswer(view);
  }

  async staffOf(clinicId: string, principal: Principal): Promise<StaffAnswer[]> {
    if (!coversClinic(principal, clinicId))
      throw new ForbiddenException(`clinic ${clinicId} is outside your clinics`);
    const clinic = await this.directory.clinics.find(clinicId);
    if (!clinic || !(await this.reach.of(principal)(clinic.record.organizationId)))
      throw new NotFoundException(`clinic ${clinicId} is not in the directory`);
    const members = await this.directory.clinicStaff.membersOf(clinicId);
    const views = await this.directory.staff.views.findMany(members);
    // The list is stated again after each change; the record itself has the last word.
    return views
      .filter((view) => view.record.clinicIds.includes(clinicId))
      .map(staffAnswer)
      .sort(
        (a, b) => a.name.family.localeCompare(b.name.family) || a.staffId.localeCompare(b.staffId),
      );
  }

  private allClinicIds(principal: Principal): Promise<readonly string[]> {
    // One deployment serves one organization: without the claim, its clinics are all of them.
    return principal.organizationId
      ? this.directory.organizationClinics.membersOf(principal.organizationId)
      : this.directory.organizationClinics.membersOfAll();
  }
}
