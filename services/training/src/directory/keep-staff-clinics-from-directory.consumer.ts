import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes, RoutedConsumerHost } from '@thc/messaging';
import { StaffClinics } from './staff-clinics.projection';

/**
 * Keeps the clinics of each staff member current from the directory on `thc.scheduling.v1`;
 * appointments and the rest of scheduling's events are skipped (and not checked, so a new
 * scheduling event type does not dead-letter here before training knows it).
 */
@Injectable()
export class KeepStaffClinicsFromDirectory extends RoutedConsumerHost {
  protected readonly groupId = 'training.directory';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly tuning = { lagRefreshMs: 0 };

  protected readonly routes: EventRoutes = {
    'thc.scheduling.StaffMemberRecorded.v1': async (event) => {
      await this.clinics.recorded(event.id, event.data);
    },
  };

  constructor(private readonly clinics: StaffClinics) {
    super();
  }
}
