import type { Claim, OneOf } from '../booking-ledger/ledger-claims';
import { interpreterOf } from './domain/appointment.decider';
import type { Scheduled } from './domain/appointment.state';

/** The buffers the provider's schedule puts around a visit. */
export interface Buffers {
  readonly bufferBeforeMinutes: number;
  readonly bufferAfterMinutes: number;
}

/** A visit whose time is to be held: whose, and when. */
export interface VisitTime {
  readonly appointmentId: string;
  readonly providerId: string;
  readonly patientId: string;
  readonly start: string;
  readonly end: string;
}

const NO_BUFFERS: Buffers = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

/**
 * The claims a booking or a move holds, in the order they are tried: the provider first (most
 * contended for) with the schedule's buffers, then the interpreter, then the patient, whose
 * own time has no buffers (two of their visits may follow each other).
 */
export function claimsFor(
  visit: VisitTime,
  buffers: Buffers,
  interpreter?: OneOf,
): (Claim | OneOf)[] {
  const time = { appointmentId: visit.appointmentId, visitStart: visit.start, visitEnd: visit.end };
  return [
    { owner: { kind: 'provider', id: visit.providerId }, time: { ...time, ...buffers } },
    ...(interpreter ? [interpreter] : []),
    { owner: { kind: 'patient', id: visit.patientId }, time: { ...time, ...NO_BUFFERS } },
  ];
}

/** The claims an appointment holds now (its provider, interpreter and patient), to give back. */
export function heldClaimsOf(appointment: Scheduled): Claim[] {
  const { appointmentId, start, end } = appointment;
  const time = { appointmentId, visitStart: start, visitEnd: end, ...NO_BUFFERS };
  const interpreterId = interpreterOf(appointment);
  return [
    { owner: { kind: 'provider', id: appointment.providerId }, time },
    ...(interpreterId
      ? [{ owner: { kind: 'interpreter', id: interpreterId } as const, time }]
      : []),
    { owner: { kind: 'patient', id: appointment.patientId }, time },
  ];
}
