import {
  BadRequestException,
  ConflictException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InvalidEventError } from '@thc/contracts';
import { ConcurrencyError } from '@thc/event-store';
import { PatientErasedError } from '@thc/phi-protection';
import { domainErrorMap } from '@thc/service-runtime';
import { CredentialNotCurrentError } from '../credentials/credential-gate';
import { NotLicensedError } from '../credentials/licence-gate';
import { InterpreterUnavailableError } from './interpreter-claims';
import {
  AppointmentConflictError,
  AppointmentRuleError,
  IllegalTransitionError,
} from './domain/appointment.errors';
import { LedgerContentionError, TimeUnavailableError } from '../booking-ledger/ledger-claims';

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
export const { toHttpError, asHttp } = domainErrorMap([
  [
    [
      IllegalTransitionError,
      AppointmentConflictError,
      TimeUnavailableError,
      LedgerContentionError,
      CredentialNotCurrentError,
      NotLicensedError,
      InterpreterUnavailableError,
      SlotNotBookableError,
      BookingTooSlowError,
      PatientErasedError,
    ],
    (error) => new ConflictException(error.message),
  ],
  [
    ConcurrencyError,
    () => new ConflictException('the appointment changed at the same time; reload and try again'),
  ],
  [AppointmentRuleError, (error) => new UnprocessableEntityException(error.message)],
  [
    InvalidEventError,
    () => new BadRequestException('the request does not make a valid appointment event'),
  ],
]);
