import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { ClinicNames } from '../infrastructure/clinic-names.projection';
import { ProviderQualifications } from '../infrastructure/provider-qualifications.projection';

/**
 * Keeps each staff member's name and state licences, and each clinic's name, from the
 * directory's records on `thc.scheduling.v1`; the appointment events of that topic are another
 * group's.
 */
@Injectable()
export class KeepLicencesAndClinicNamesFromDirectoryRecords extends RoutedConsumerHost {
  protected readonly groupId = 'sessions.directory';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };

  constructor(
    private readonly qualifications: ProviderQualifications,
    private readonly clinics: ClinicNames,
  ) {
    super();
  }

  protected readonly routes: EventRoutes = {
    'thc.scheduling.StaffMemberRecorded.v1': async ({ id, data }) => {
      await this.qualifications.recorded(id, data);
    },
    'thc.scheduling.ClinicRecorded.v1': async ({ id, data }) => {
      await this.clinics.recorded(id, data);
    },
  };
}
