import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventStoreModule } from '@thc/event-store';
import { DirectoryModule } from '../directory/directory.module';
import { AvailabilityService } from './availability.port';
import { ClinicProvidersProjection } from './clinic-providers/clinic-providers.projection';
import {
  CLINIC_PROVIDERS,
  clinicProvidersSchema,
} from './clinic-providers/clinic-providers.schema';
import { ProviderScheduleController } from './define-schedule/provider-schedule.controller';
import { PutProviderScheduleHandler } from './define-schedule/put-provider-schedule.handler';
import { FhirViewsController } from './fhir/fhir-views.controller';
import { FhirViewsHandler } from './fhir/fhir-views.handler';
import { ProviderScheduleRepository } from './infrastructure/provider-schedule.repository';
import { ProviderScheduleViews } from './infrastructure/provider-schedule.views';
import { SearchSlotsHandler } from './search-slots/search-slots.handler';
import { SlotsController } from './search-slots/slots.controller';

const httpControllers = [ProviderScheduleController, SlotsController, FhirViewsController];
const commandHandlers = [PutProviderScheduleHandler];
const queryHandlers = [SearchSlotsHandler, FhirViewsHandler];
const projections = [ClinicProvidersProjection];
const repositories = [ProviderScheduleRepository, ProviderScheduleViews];

/**
 * Provider schedules and slot search. Needs a `BOOKED_TIME_READER` provider somewhere in the
 * application (the appointments part) and SchedulingClockModule; exports `AvailabilityService`
 * for booking checks.
 */
@Module({
  imports: [
    EventStoreModule,
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
