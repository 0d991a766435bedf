import { Module } from '@nestjs/common';
import { StaffClinics } from './staff-clinics.projection';
import { KeepStaffClinicsFromDirectory } from './keep-staff-clinics-from-directory.consumer';
import { StaffScope } from './staff-scope';

const messageConsumers = [KeepStaffClinicsFromDirectory];

/**
 * The clinics of each staff member, from scheduling's directory, and the clinic scope of the
 * trainers, coordinators and admins who act on them. Needs KafkaModule beside it.
 */
@Module({
  providers: [StaffClinics, StaffScope, ...messageConsumers],
  exports: [StaffScope],
})
export class DirectoryModule {}
