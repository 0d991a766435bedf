import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { CatalogController } from './catalog/manage-catalog/catalog.controller';
import { ModuleRepository } from './catalog/infrastructure/module.repository';
import { ExpiryCheck } from './expiry/expiry-check';
import { FanOutAssignments } from './staff-training/assign-module/fan-out-assignments';
import { StaffStatusStore } from './staff-training/infrastructure/staff-status.store';
import { StaffTrainingRepository } from './staff-training/infrastructure/staff-training.repository';
import { StaffTrainingController } from './staff-training/manage/staff-training.controller';
import { StaffStatusController } from './staff-training/read-status/staff-status.controller';
import { TRAINING_SETTINGS, trainingSettingsFromEnv } from './training.settings';

const httpControllers = [CatalogController, StaffTrainingController, StaffStatusController];

const infrastructure = [
  ModuleRepository,
  StaffTrainingRepository,
  StaffStatusStore,
  FanOutAssignments,
  { provide: TRAINING_SETTINGS, useFactory: () => trainingSettingsFromEnv() },
];

const clockDriven = [ExpiryCheck];

/**
 * Catalog, staff training records, the credential and its clock-driven check. Needs
 * PlatformModule and TrainingClockModule beside it; the outbox relay publishes what it stores.
 */
@Module({
  imports: [EventStoreModule],
  controllers: httpControllers,
  providers: [...infrastructure, ...clockDriven],
  exports: [ExpiryCheck, StaffTrainingRepository, StaffStatusStore, TRAINING_SETTINGS],
})
export class TrainingModule {}
