import type { StreamEvents } from '@thc/contracts';

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

type Events = StreamEvents<typeof APPOINTMENT_EVENT>;

export type AppointmentRequested = Events['requested'];
export type AppointmentBooked = Events['booked'];
export type AppointmentRescheduled = Events['rescheduled'];
export type AppointmentCancelled = Events['cancelled'];
export type AppointmentCheckedIn = Events['checkedIn'];
export type AppointmentCompleted = Events['completed'];
export type AppointmentNoShow = Events['noShow'];
export type InterpreterAssigned = Events['interpreterAssigned'];
export type ReminderDue = Events['reminderDue'];
export type AppointmentEvent = Events[keyof Events];

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
