import {
  BadRequestException,
  ConflictException,
  HttpException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InvalidEventError } from '@thc/contracts';
import { ConcurrencyError } from '@thc/event-store';
import { PatientErasedError } from '@thc/phi-protection';
import { CredentialNotCurrentError } from '../../credentials/credential-gate';
import { NotLicensedError } from '../../credentials/licence-gate';
import { InterpreterUnavailableError } from '../interpreters/interpreter-claims';
import {
  AppointmentConflictError,
  AppointmentRuleError,
  IllegalTransitionError,
} from '../domain/appointment.errors';
import { LedgerContentionError, TimeUnavailableError } from '../ledger/booking-ledger';

/** Slot refused by the provider's schedule (HTTP 409 naming the schedule's reason). */
export class SlotNotBookableError extends Error {
  override readonly name = 'SlotNotBookableError';
}

/** The booking took longer than a ledger claim lives; it gave its time back (HTTP 409). */
export class BookingTooSlowError extends Error {
  override readonly name = 'BookingTooSlowError';
  constructor() {
    super('the booking took too long and was abandoned; try again');
  }
}

/** Domain errors as the HTTP problems the API promises; anything else stays a 500. */
export function toHttpError(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  if (
    error instanceof IllegalTransitionError ||
    error instanceof AppointmentConflictError ||
    error instanceof TimeUnavailableError ||
    error instanceof LedgerContentionError ||
    error instanceof CredentialNotCurrentError ||
    error instanceof NotLicensedError ||
    error instanceof InterpreterUnavailableError ||
    error instanceof SlotNotBookableError ||
    error instanceof BookingTooSlowError ||
    error instanceof PatientErasedError
  )
    return new ConflictException(error.message);
  if (error instanceof ConcurrencyError)
    return new ConflictException('the appointment changed at the same time; reload and try again');
  if (error instanceof AppointmentRuleError) return new UnprocessableEntityException(error.message);
  if (error instanceof InvalidEventError)
    return new BadRequestException('the request does not make a valid appointment event');
  return error;
}

/** Runs a use case and rethrows its domain errors as HTTP errors. */
export async function asHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toHttpError(error);
  }
}
