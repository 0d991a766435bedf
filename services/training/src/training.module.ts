import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { DirectoryModule } from './directory/directory.module';
import { CatalogController } from './catalog/manage-catalog/catalog.controller';
import { ModuleRepository } from './catalog/infrastructure/module.repository';
import { ExpiryCheck } from './expiry/expiry-check';
import { FanOutAssignments } from './staff-training/assign-module/fan-out-assignments';
import { StaffStatusStore } from './staff-training/infrastructure/staff-status.store';
import { StaffTrainingRepository } from './staff-training/infrastructure/staff-training.repository';
import { AssignModuleController } from './staff-training/assign-module/assign-module.controller';
import { EnrolStaffController } from './staff-training/enrol-staff/enrol-staff.controller';
import { StaffStatusController } from './staff-training/read-status/staff-status.controller';
import { RecordCertificationController } from './staff-training/record-certification/record-certification.controller';
import { RecordCompletionController } from './staff-training/record-completion/record-completion.controller';
import { RevokeCertificationController } from './staff-training/revoke-certification/revoke-certification.controller';
import { StaffCommandRunner } from './staff-training/shared/staff-command.runner';
import { TRAINING_SETTINGS, trainingSettingsFromEnv } from './training.settings';

const httpControllers = [
  CatalogController,
  EnrolStaffController,
  AssignModuleController,
  RecordCompletionController,
  RecordCertificationController,
  RevokeCertificationController,
  StaffStatusController,
];

const infrastructure = [
  ModuleRepository,
  StaffTrainingRepository,
  StaffStatusStore,
  FanOutAssignments,
  StaffCommandRunner,
  { provide: TRAINING_SETTINGS, useFactory: () => trainingSettingsFromEnv() },
];

const clockDriven = [ExpiryCheck];

/**
 * Catalog, staff training records, the credential and its clock-driven check, within the clinic
 * scope the directory gives. Needs PlatformModule, KafkaModule and TrainingClockModule beside it; the outbox relay publishes what it stores.
 */
@Module({
  imports: [EventStoreModule, DirectoryModule],
  controllers: httpControllers,
  providers: [...infrastructure, ...clockDriven],
  exports: [ExpiryCheck, StaffTrainingRepository, StaffStatusStore, TRAINING_SETTINGS],
})
export class TrainingModule {}
