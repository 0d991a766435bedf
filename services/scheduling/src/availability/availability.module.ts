import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventStoreModule } from '@thc/event-store';
import { BookingLedgerModule } from '../booking-ledger/booking-ledger.module';
import { DirectoryModule } from '../directory/directory.module';
import { AvailabilityService } from './availability.port';
import { ClinicProvidersProjection } from './infrastructure/clinic-providers.projection';
import { CLINIC_PROVIDERS, clinicProvidersSchema } from './infrastructure/clinic-providers.schema';
import { ProviderScheduleController } from './define-schedule/provider-schedule.controller';
import { ProviderScheduleQuery } from './define-schedule/provider-schedule.query';
import { PutProviderScheduleHandler } from './define-schedule/put-provider-schedule.handler';
import { FhirViewsController } from './fhir/fhir-views.controller';
import { FhirViewsHandler } from './fhir/fhir-views.handler';
import { ProviderScheduleRepository } from './infrastructure/provider-schedule.repository';
import { ProviderScheduleViews } from './infrastructure/provider-schedule-views.projection';
import { SearchSlotsHandler } from './search-slots/search-slots.handler';
import { SlotsController } from './search-slots/slots.controller';

const httpControllers = [ProviderScheduleController, SlotsController, FhirViewsController];
const commandHandlers = [PutProviderScheduleHandler];
const queryHandlers = [SearchSlotsHandler, FhirViewsHandler, ProviderScheduleQuery];
const projections = [ClinicProvidersProjection];
const repositories = [ProviderScheduleRepository, ProviderScheduleViews];

/**
 * Provider schedules and slot search, which subtracts the booked time the booking ledger keeps.
 * Exports `AvailabilityService` for booking checks.
 */
@Module({
  imports: [
    EventStoreModule,
    BookingLedgerModule,
    // The FHIR Schedule names its provider as the directory does.
    DirectoryModule,
    MongooseModule.forFeature([{ name: CLINIC_PROVIDERS, schema: clinicProvidersSchema }]),
  ],
  controllers: httpControllers,
  providers: [
    ...commandHandlers,
    ...queryHandlers,
    ...projections,
    ...repositories,
    AvailabilityService,
  ],
  exports: [AvailabilityService],
})
export class AvailabilityModule {}
