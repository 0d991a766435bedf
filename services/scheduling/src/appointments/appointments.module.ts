import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { BOOKED_TIME_READER } from '../availability/availability.port';
import { AvailabilityModule } from '../availability/availability.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { DirectoryModule } from '../directory/directory.module';
import { WaitlistModule } from '../waitlist/waitlist.module';
import { BookAppointmentController } from './book-appointment/book-appointment.controller';
import { BookAppointmentHandler } from './book-appointment/book-appointment.handler';
import { CancelAppointmentController } from './cancel-appointment/cancel-appointment.controller';
import { CancelAppointmentHandler } from './cancel-appointment/cancel-appointment.handler';
import { DrawInterpreterController } from './draw-interpreter/draw-interpreter.controller';
import { DrawInterpreterHandler } from './draw-interpreter/draw-interpreter.handler';
import { FhirAppointmentController } from './fhir/fhir-appointment.controller';
import { InterpreterClaims } from './interpreters/interpreter-claims';
import { BookingLedger } from './ledger/booking-ledger';
import { BOOKING_LEDGER_STORE, createBookingLedgerStore } from './ledger/booking-ledger.store';
import { LedgerBookedTimeReader } from './ledger/ledger-booked-time.reader';
import { LedgerDayViews } from './ledger/ledger-day.views';
import { ReadAppointmentsController } from './read-appointments/read-appointments.controller';
import { VisitOutcomeController } from './record-visit-outcome/visit-outcome.controller';
import { RequestAppointmentController } from './request-appointment/request-appointment.controller';
import { RescheduleAppointmentController } from './reschedule-appointment/reschedule-appointment.controller';
import { RescheduleAppointmentHandler } from './reschedule-appointment/reschedule-appointment.handler';
import { SessionEndedConsumer } from './session-outcomes/session-ended.consumer';
import { SessionOutcomeHandler } from './session-outcomes/session-outcome.handler';
import { ReminderContacts } from './reminders/reminder-contacts.store';
import { LogReminderDelivery, REMINDER_DELIVERY } from './reminders/reminder-delivery.port';
import { ReminderScheduler } from './reminders/reminder.scheduler';
import { AppointmentRepository } from './shared/appointment.repository';
import { AppointmentViews } from './shared/appointment-views.store';
import { ProviderCare } from './shared/provider-care';
import { createReasonSealer, REASON_SEALER } from './shared/reason-sealer';
import { AvailabilitySlotPolicy } from './slot-policy/availability.slot-policy';
import { SLOT_POLICY } from './slot-policy/slot-policy.port';

const httpControllers = [
  BookAppointmentController,
  RequestAppointmentController,
  RescheduleAppointmentController,
  CancelAppointmentController,
  DrawInterpreterController,
  VisitOutcomeController,
  ReadAppointmentsController,
  FhirAppointmentController,
];

const messageConsumers = [SessionEndedConsumer];

const commandHandlers = [
  ReminderScheduler,
  SessionOutcomeHandler,
  BookAppointmentHandler,
  RescheduleAppointmentHandler,
  CancelAppointmentHandler,
  DrawInterpreterHandler,
];

const infrastructure = [
  AppointmentRepository,
  AppointmentViews,
  ProviderCare,
  InterpreterClaims,
  ReminderContacts,
  { provide: REMINDER_DELIVERY, useClass: LogReminderDelivery },
  BookingLedger,
  LedgerDayViews,
  LedgerBookedTimeReader,
  // Availability finds the reader by this token anywhere in the application.
  { provide: BOOKED_TIME_READER, useExisting: LedgerBookedTimeReader },
  {
    provide: BOOKING_LEDGER_STORE,
    inject: [getConnectionToken()],
    useFactory: createBookingLedgerStore,
  },
  { provide: REASON_SEALER, inject: [getConnectionToken()], useFactory: createReasonSealer },
  // A booking must fit the provider's schedule (hours, exceptions, length, notice, horizon,
  // daily maximum), which also gives the buffers the ledger holds.
  { provide: SLOT_POLICY, useClass: AvailabilitySlotPolicy },
];

/**
 * Appointments: lifecycle, the booking ledger that prevents double booking, REST, FHIR and
 * iCalendar views. Needs PlatformModule, KafkaModule (for the credential consumer) and
 * SchedulingClockModule beside it.
 */
@Module({
  imports: [
    EventStoreModule,
    PhiAccessModule,
    CredentialsModule,
    DirectoryModule,
    AvailabilityModule,
    WaitlistModule,
  ],
  controllers: httpControllers,
  providers: [...commandHandlers, ...messageConsumers, ...infrastructure],
  exports: [LedgerBookedTimeReader, BOOKED_TIME_READER, BookingLedger, ReminderScheduler],
})
export class AppointmentsModule {}
