import type {
  Actor,
  AppointmentCancelled,
  AppointmentNoShow,
  CancelReasonCode,
  InterpreterRequest,
  Participant,
  PatientLocation,
  ReminderChannel,
  SealedText,
  VisitType,
} from './appointment.events';

/*
 * Commands carry everything the decider needs, including the time (`at`, RFC 3339) and any
 * configuration (the late-cancel window): the decider itself reads no clock and no env.
 */

export interface RequestAppointment {
  readonly type: 'RequestAppointment';
  readonly appointmentId: string;
  readonly patientId: string;
  readonly clinicId: string;
  readonly providerId?: string;
  readonly visitType: VisitType;
  readonly window: { readonly earliest: string; readonly latest: string };
  readonly timeZone: string;
  readonly reason?: SealedText;
  readonly at: string;
  readonly by: Actor;
}

export interface BookAppointment {
  readonly type: 'BookAppointment';
  readonly appointmentId: string;
  readonly patientId: string;
  readonly providerId: string;
  readonly clinicId: string;
  readonly visitType: VisitType;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  /** Interpreter and caregiver; patient and provider are added by the decider. */
  readonly extraParticipants: readonly Participant[];
  /** Where the patient says they will be (the licence check was made on it). */
  readonly patientLocation?: PatientLocation;
  /** An interpreter drawn at visit time instead of one held now. */
  readonly interpreterRequest?: InterpreterRequest;
  readonly at: string;
  readonly by: Actor;
}

export interface RescheduleAppointment {
  readonly type: 'RescheduleAppointment';
  readonly providerId: string;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  /** Restated where the patient will be; absent keeps the location stated before. */
  readonly patientLocation?: PatientLocation;
  /** The interpreter held for the new time, when another than the one held before. */
  readonly interpreterId?: string;
  readonly reason?: SealedText;
  readonly at: string;
  readonly by: Actor;
}

export interface CancelAppointment {
  readonly type: 'CancelAppointment';
  readonly reasonCode: CancelReasonCode;
  readonly reason?: SealedText;
  /** Cancelling fewer than this many minutes before the start is a late cancellation. */
  readonly lateCancelWindowMinutes: number;
  readonly at: string;
  readonly by: Actor;
}

export interface CheckIn {
  readonly type: 'CheckIn';
  readonly sessionId: string;
  readonly at: string;
}

export interface RecordNoShow {
  readonly type: 'RecordNoShow';
  readonly sessionId: string;
  readonly absent: AppointmentNoShow['data']['absent'];
  readonly at: string;
}

export interface CompleteAppointment {
  readonly type: 'CompleteAppointment';
  readonly sessionId: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly at: string;
}

export interface AssignInterpreter {
  readonly type: 'AssignInterpreter';
  /** The interpreter whose time the ledger now holds for the rest of the visit. */
  readonly interpreterId: string;
  readonly at: string;
  readonly by: Actor;
}

export interface EmitReminder {
  readonly type: 'EmitReminder';
  /** Derived from appointment, start and offset: the same reminder always has the same id. */
  readonly reminderId: string;
  readonly offsetMinutes: number;
  readonly channel: ReminderChannel;
  readonly contact: SealedText;
  readonly at: string;
}

export type AppointmentCommand =
  | RequestAppointment
  | BookAppointment
  | RescheduleAppointment
  | CancelAppointment
  | CheckIn
  | RecordNoShow
  | CompleteAppointment
  | AssignInterpreter
  | EmitReminder;

export type { AppointmentCancelled };
