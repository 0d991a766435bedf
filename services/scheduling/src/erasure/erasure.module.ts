import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { ReminderContacts } from '../appointments/infrastructure/reminder-contacts.projection';
import { AppointmentViews } from '../appointments/infrastructure/appointment-views.projection';
import { PatientProfiles } from '../patients/infrastructure/patient-profiles.projection';
import { PurgeViewsWhenPatientErased } from './purge-views-when-patient-erased.consumer';

/** Scheduling's part of a patient's erasure. Needs KafkaModule and the service's MongoDB. */
@Module({
  imports: [EventStoreModule],
  providers: [AppointmentViews, ReminderContacts, PatientProfiles, PurgeViewsWhenPatientErased],
})
export class SchedulingErasureModule {}
