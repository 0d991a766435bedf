import { Module } from '@nestjs/common';
import { StaffClinics } from './staff-clinics.read-model';
import { StaffDirectoryConsumer } from './staff-directory.consumer';
import { StaffScope } from './staff-scope';

const messageConsumers = [StaffDirectoryConsumer];

/**
 * The clinics of each staff member, from scheduling's directory, and the clinic scope of the
 * trainers, coordinators and admins who act on them. Needs KafkaModule beside it.
 */
@Module({
  providers: [StaffClinics, StaffScope, ...messageConsumers],
  exports: [StaffScope],
})
export class DirectoryModule {}
