import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { AvailabilityModule } from '../availability/availability.module';
import { BookingLedgerModule } from '../booking-ledger/booking-ledger.module';
import { CLAIM_HOLDERS } from '../booking-ledger/claim-holders.port';
import { CredentialsModule } from '../credentials/credentials.module';
import { DirectoryModule } from '../directory/directory.module';
import { WaitlistModule } from '../waitlist/waitlist.module';
import { AppointmentQuery } from './appointment.query';
import { BookingStep } from './booking-step';
import { BookAppointmentController } from './book-appointment/book-appointment.controller';
import { BookAppointmentHandler } from './book-appointment/book-appointment.handler';
import { BookRequestedAppointmentController } from './book-appointment/book-requested-appointment.controller';
import { BookRequestedAppointmentHandler } from './book-appointment/book-requested-appointment.handler';
import { CancelAppointmentController } from './cancel-appointment/cancel-appointment.controller';
import { CancelAppointmentHandler } from './cancel-appointment/cancel-appointment.handler';
import { DrawInterpreterController } from './draw-interpreter/draw-interpreter.controller';
import { DrawInterpreterHandler } from './draw-interpreter/draw-interpreter.handler';
import { FhirAppointmentController } from './fhir/fhir-appointment.controller';
import { AppointmentClaimHolders } from './infrastructure/appointment-claim-holders';
import { AppointmentRepository } from './infrastructure/appointment.repository';
import { AppointmentViews } from './infrastructure/appointment-views.projection';
import { createReasonSealer, REASON_SEALER } from './infrastructure/reason-sealer';
import { ReminderContacts } from './infrastructure/reminder-contacts.projection';
import { InterpreterClaims } from './interpreter-claims';
import { AppointmentProviderCare } from './provider-care';
import { ReadAppointmentsController } from './read-appointments/read-appointments.controller';
import { RecordVisitOutcomeHandler } from './record-visit-outcome/record-visit-outcome.handler';
import { VisitOutcomeController } from './record-visit-outcome/visit-outcome.controller';
import { LogReminderDelivery, REMINDER_DELIVERY } from './reminders/reminder-delivery.port';
import { ReminderScheduler } from './reminders/reminder.scheduler';
import { RequestAppointmentController } from './request-appointment/request-appointment.controller';
import { RequestAppointmentHandler } from './request-appointment/request-appointment.handler';
import { RescheduleAppointmentController } from './reschedule-appointment/reschedule-appointment.controller';
import { RescheduleAppointmentHandler } from './reschedule-appointment/reschedule-appointment.handler';
import { RecordOutcomeWhenSessionEnded } from './session-outcomes/record-outcome-when-session-ended.consumer';
import { SessionOutcomeHandler } from './session-outcomes/session-outcome.handler';
import { SlotChecks } from './slot-checks';
import { AvailabilitySlotPolicy } from './slot-policy/availability.slot-policy';
import { SLOT_POLICY } from './slot-policy.port';

const httpControllers = [
  BookAppointmentController,
  RequestAppointmentController,
  BookRequestedAppointmentController,
  RescheduleAppointmentController,
  CancelAppointmentController,
  DrawInterpreterController,
  VisitOutcomeController,
  ReadAppointmentsController,
  FhirAppointmentController,
];

const messageConsumers = [RecordOutcomeWhenSessionEnded];

const commandHandlers = [
  ReminderScheduler,
  SessionOutcomeHandler,
  BookAppointmentHandler,
  BookRequestedAppointmentHandler,
  RequestAppointmentHandler,
  RescheduleAppointmentHandler,
  CancelAppointmentHandler,
  DrawInterpreterHandler,
  RecordVisitOutcomeHandler,
];

const queries = [AppointmentQuery];

const infrastructure = [
  AppointmentRepository,
  AppointmentViews,
  AppointmentProviderCare,
  InterpreterClaims,
  BookingStep,
  SlotChecks,
  ReminderContacts,
  { provide: REMINDER_DELIVERY, useClass: LogReminderDelivery },
  // The booking ledger asks this whether an old claim's appointment still holds its time.
  AppointmentClaimHolders,
  { provide: CLAIM_HOLDERS, useExisting: AppointmentClaimHolders },
  { provide: REASON_SEALER, inject: [getConnectionToken()], useFactory: createReasonSealer },
  // A booking must fit the provider's schedule (hours, exceptions, length, notice, horizon,
  // daily maximum), which also gives the buffers the ledger holds.
  { provide: SLOT_POLICY, useClass: AvailabilitySlotPolicy },
];

/**
 * Appointments: lifecycle, REST, FHIR and iCalendar views; time is held in the booking ledger
 * (BookingLedgerModule), which this part answers about old claims (`CLAIM_HOLDERS`). Needs
 * PlatformModule, KafkaModule (for the credential consumer) and ClockModule beside it.
 */
@Module({
  imports: [
    EventStoreModule,
    PhiAccessModule,
    CredentialsModule,
    DirectoryModule,
    BookingLedgerModule,
    AvailabilityModule,
    WaitlistModule,
  ],
  controllers: httpControllers,
  providers: [...commandHandlers, ...queries, ...messageConsumers, ...infrastructure],
  exports: [BookingLedgerModule, ReminderScheduler],
})
export class AppointmentsModule {}
