import { staffDisplayName } from '@thc/contracts';
import { Injectable } from '@nestjs/common';
import type { ClinicListing, DirectoryReader, StaffListing } from '../directory.port';
import { DirectoryStore } from '../infrastructure/directory.projection';
import { clinicListingOf, staffListingOf } from './directory-listings';

/** What booking asks of the directory, from its views: `_id` reads only. */
@Injectable()
export class DirectoryViewsReader implements DirectoryReader {
  constructor(private readonly directory: DirectoryStore) {}

  async staffMember(staffId: string): Promise<StaffListing | undefined> {
    const view = await this.directory.staff.find(staffId);
    return view && staffListingOf(view.record);
  }

  async clinic(clinicId: string): Promise<ClinicListing | undefined> {
    const view = await this.directory.clinics.find(clinicId);
    return view && clinicListingOf(view.record);
  }

  async interpreters(language: string): Promise<readonly StaffListing[]> {
    const pool = await this.directory.interpreterPools.membersOf(language);
    const views = await this.directory.staff.views.findMany(pool);
    // The pool is stated again after each change; the record itself has the last word.
    return views
      .map((view) => view.record)
      .filter(
        (record) =>
          record.active &&
          record.functions.includes('interpreter') &&
          record.languages.includes(language),
      )
      .sort((a, b) => a.staffId.localeCompare(b.staffId))
      .map(staffListingOf);
  }

  async staffNames(staffIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const views = await this.directory.staff.views.findMany([...new Set(staffIds)]);
    return new Map(views.map((view) => [view._id, staffDisplayName(view.record.name)]));
  }

  async clinicNames(clinicIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const views = await this.directory.clinics.views.findMany([...new Set(clinicIds)]);
    return new Map(views.map((view) => [view._id, view.record.name]));
  }
}
