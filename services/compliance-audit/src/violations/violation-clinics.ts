import { Injectable } from '@nestjs/common';
import { CareLinks } from '../care-links/care-links.projection';
import { StaffDirectory } from '../directory/staff-directory.projection';

/**
 * The clinics a violation belongs to, for the clinic scope of the auditors who list and review
 * it: the clinics of the patient whose data it concerns (their visits), or, for a finding
 * about no patient (a burst of reads), the clinics of the staff member it is about (the
 * directory). A violation of no known clinic is seen only by a caller who covers every clinic.
 */
@Injectable()
export class ViolationClinics {
  constructor(
    private readonly care: CareLinks,
    private readonly directory: StaffDirectory,
  ) {}

  async of(violation: {
    readonly patientId?: string;
    readonly actorId?: string;
  }): Promise<string[]> {
    if (violation.patientId) return [...(await this.care.clinicsOfPatient(violation.patientId))];
    if (violation.actorId) return [...(await this.directory.clinicsOf(violation.actorId))];
    return [];
  }
}
