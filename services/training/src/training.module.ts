import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { CatalogProjection } from './catalog/infrastructure/catalog.projection';
import { ModuleRepository } from './catalog/infrastructure/module.repository';
import { CatalogController } from './catalog/manage-catalog/catalog.controller';
import { CatalogQuery } from './catalog/manage-catalog/catalog.query';
import { FanOutAssignments } from './catalog/manage-catalog/fan-out-assignments';
import { ManageCatalogHandler } from './catalog/manage-catalog/manage-catalog.handler';
import { DirectoryModule } from './directory/directory.module';
import { ExpiryCheck } from './expiry/expiry-check';
import { AssignModuleController } from './staff-training/assign-module/assign-module.controller';
import { AssignModuleHandler } from './staff-training/assign-module/assign-module.handler';
import { EnrolStaffController } from './staff-training/enrol-staff/enrol-staff.controller';
import { EnrolStaffHandler } from './staff-training/enrol-staff/enrol-staff.handler';
import { StaffStatusProjection } from './staff-training/infrastructure/staff-status.projection';
import { StaffTrainingRepository } from './staff-training/infrastructure/staff-training.repository';
import { StaffStatusController } from './staff-training/read-status/staff-status.controller';
import { StaffStatusQuery } from './staff-training/read-status/staff-status.query';
import { RecordCertificationController } from './staff-training/record-certification/record-certification.controller';
import { RecordCertificationHandler } from './staff-training/record-certification/record-certification.handler';
import { RecordCompletionController } from './staff-training/record-completion/record-completion.controller';
import { RecordCompletionHandler } from './staff-training/record-completion/record-completion.handler';
import { RevokeCertificationController } from './staff-training/revoke-certification/revoke-certification.controller';
import { RevokeCertificationHandler } from './staff-training/revoke-certification/revoke-certification.handler';
import { StaffCommandHandler } from './staff-training/staff-command.handler';
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

const commandHandlers = [
  ManageCatalogHandler,
  FanOutAssignments,
  StaffCommandHandler,
  EnrolStaffHandler,
  AssignModuleHandler,
  RecordCompletionHandler,
  RecordCertificationHandler,
  RevokeCertificationHandler,
];

const queries = [CatalogQuery, StaffStatusQuery];

const infrastructure = [
  ModuleRepository,
  CatalogProjection,
  StaffTrainingRepository,
  StaffStatusProjection,
  { provide: TRAINING_SETTINGS, useFactory: () => trainingSettingsFromEnv() },
];

const clockDriven = [ExpiryCheck];

/**
 * Catalog, staff training records, the credential and its clock-driven check, within the clinic
 * scope the directory gives. Needs PlatformModule, KafkaModule, ClockModule and IdsModule beside
 * it; the outbox relay publishes what it stores.
 */
@Module({
  imports: [EventStoreModule, DirectoryModule],
  controllers: httpControllers,
  providers: [...infrastructure, ...commandHandlers, ...queries, ...clockDriven],
  exports: [ExpiryCheck, StaffTrainingRepository, StaffStatusProjection, TRAINING_SETTINGS],
})
export class TrainingModule {}
