import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { AppointmentViews } from '../appointments/infrastructure/appointment-views.projection';
import { AppointmentProviderCare } from '../appointments/provider-care';
import { PatientProfiles } from './infrastructure/patient-profiles.projection';
import { createProfileSealer, PROFILE_SEALER } from './infrastructure/profile-sealer';
import { PatientProfileController } from './profile/patient-profile.controller';
import { PatientProfileHandler } from './profile/patient-profile.handler';
import { PatientReach } from './profile/patient-reach';

/**
 * Patients' minimum records: preferred language (sealed) and state of residence. Reads the
 * appointment views for who reaches a patient (their clinics, a provider's care). Needs
 * PlatformModule and ClockModule beside it.
 */
@Module({
  imports: [EventStoreModule, PhiAccessModule],
  controllers: [PatientProfileController],
  providers: [
    PatientProfileHandler,
    PatientReach,
    PatientProfiles,
    AppointmentViews,
    AppointmentProviderCare,
    { provide: PROFILE_SEALER, inject: [getConnectionToken()], useFactory: createProfileSealer },
  ],
})
export class PatientsModule {}
