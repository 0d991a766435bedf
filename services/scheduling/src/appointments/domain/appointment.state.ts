import type {
  InterpreterRequest,
  Participant,
  PatientLocation,
  VisitType,
} from './appointment.events';

/** FHIR R4 Appointment.status values this service uses; the status IS the FHIR code. */
export type AppointmentStatus =
  'proposed' | 'booked' | 'arrived' | 'fulfilled' | 'cancelled' | 'noshow';

/** One time an appointment held, kept when it moves so its history stays readable. */
export interface HeldSlot {
  readonly providerId: string;
  readonly start: string;
  readonly end: string;
  readonly until: string;
}

interface Requested {
  readonly status: 'proposed';
  readonly appointmentId: string;
  readonly patientId: string;
  readonly clinicId: string;
  readonly providerId?: string;
  readonly visitType: VisitType;
  readonly window: { readonly earliest: string; readonly latest: string };
  readonly timeZone: string;
  readonly requestedAt: string;
}

/** An appointment that holds (or held) a slot with a provider. */
export interface Scheduled {
  readonly status: Exclude<AppointmentStatus, 'proposed'>;
  readonly appointmentId: string;
  readonly patientId: string;
  readonly providerId: string;
  readonly clinicId: string;
  readonly visitType: VisitType;
  /** Instants as RFC 3339 strings with an offset, as the events carry them. */
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly participants: readonly Participant[];
  /** Where the patient said they will be (absent for visits booked before it was asked). */
  readonly patientLocation?: PatientLocation;
  /** An interpreter to be drawn from the pool at visit time (none is held). */
  readonly interpreterRequest?: InterpreterRequest;
  readonly bookedAt: string;
  readonly previousSlots: readonly HeldSlot[];
  /** Set once cancelled: coded reason and whether it fell inside the late-cancel window. */
  readonly cancellation?: {
    readonly reasonCode: string;
    readonly late: boolean;
    readonly at: string;
  };
  readonly sessionId?: string;
  readonly noShow?: 'patient' | 'provider';
  /** Reminders already due, as `reminderKey(start, offset)`: a moved visit starts afresh. */
  readonly remindersDue?: readonly string[];
}

/** One reminder: the offset before one particular start time. */
export const reminderKey = (start: string, offsetMinutes: number): string =>
  `${Date.parse(start)}/${offsetMinutes}`;

/** `none` before the first event: a union, so a booked appointment without a slot cannot exist. */
export type AppointmentState = { readonly status: 'none' } | Requested | Scheduled;

export const initialAppointmentState = (): AppointmentState => ({ status: 'none' });
