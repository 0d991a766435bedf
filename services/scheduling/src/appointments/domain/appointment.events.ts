import type { EventDataOf } from '@thc/contracts';

/** The appointment stream's events, exactly as the contracts registry declares them. */
export const APPOINTMENT_EVENT = {
  requested: 'thc.scheduling.AppointmentRequested.v1',
  booked: 'thc.scheduling.AppointmentBooked.v1',
  rescheduled: 'thc.scheduling.AppointmentRescheduled.v1',
  cancelled: 'thc.scheduling.AppointmentCancelled.v1',
  checkedIn: 'thc.scheduling.AppointmentCheckedIn.v1',
  completed: 'thc.scheduling.AppointmentCompleted.v1',
  noShow: 'thc.scheduling.AppointmentNoShow.v1',
  interpreterAssigned: 'thc.scheduling.InterpreterAssigned.v1',
  reminderDue: 'thc.scheduling.ReminderDue.v1',
} as const;

type EventOf<T extends (typeof APPOINTMENT_EVENT)[keyof typeof APPOINTMENT_EVENT]> = {
  readonly type: T;
  readonly data: EventDataOf<T>;
};

export type AppointmentRequested = EventOf<typeof APPOINTMENT_EVENT.requested>;
export type AppointmentBooked = EventOf<typeof APPOINTMENT_EVENT.booked>;
export type AppointmentRescheduled = EventOf<typeof APPOINTMENT_EVENT.rescheduled>;
export type AppointmentCancelled = EventOf<typeof APPOINTMENT_EVENT.cancelled>;
export type AppointmentCheckedIn = EventOf<typeof APPOINTMENT_EVENT.checkedIn>;
export type AppointmentCompleted = EventOf<typeof APPOINTMENT_EVENT.completed>;
export type AppointmentNoShow = EventOf<typeof APPOINTMENT_EVENT.noShow>;
export type InterpreterAssigned = EventOf<typeof APPOINTMENT_EVENT.interpreterAssigned>;
export type ReminderDue = EventOf<typeof APPOINTMENT_EVENT.reminderDue>;

export type AppointmentEvent =
  | AppointmentRequested
  | AppointmentBooked
  | AppointmentRescheduled
  | AppointmentCancelled
  | AppointmentCheckedIn
  | AppointmentCompleted
  | AppointmentNoShow
  | InterpreterAssigned
  | ReminderDue;

export type Actor = AppointmentBooked['data']['bookedBy'];
export type Participant = AppointmentBooked['data']['participants'][number];
export type VisitType = AppointmentBooked['data']['visitType'];
export type CancelReasonCode = AppointmentCancelled['data']['reasonCode'];
export type SealedText = NonNullable<AppointmentCancelled['data']['reason']>;
export type ReminderChannel = ReminderDue['data']['channel'];
export type PatientLocation = NonNullable<AppointmentBooked['data']['patientLocation']>;
export type InterpreterRequest = NonNullable<AppointmentBooked['data']['interpreterRequest']>;

export const appointmentStreamId = (appointmentId: string): string =>
  `appointment-${appointmentId}`;
