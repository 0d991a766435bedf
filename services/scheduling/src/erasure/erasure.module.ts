import { Module } from '@nestjs/common';
import { ReminderContacts } from '../appointments/reminders/reminder-contacts.store';
import { AppointmentViews } from '../appointments/shared/appointment-views.store';
import { PurgeViewsWhenPatientErased } from './purge-views-when-patient-erased.consumer';

/** Scheduling's part of a patient's erasure. Needs KafkaModule and the service's MongoDB. */
@Module({
  providers: [AppointmentViews, ReminderContacts, PurgeViewsWhenPatientErased],
})
export class SchedulingErasureModule {}
