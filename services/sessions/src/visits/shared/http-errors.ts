import {
  BadRequestException,
  ConflictException,
  HttpException,
  HttpStatus,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InvalidEventError } from '@thc/contracts';
import { ConcurrencyError } from '@thc/event-store';
import { PatientErasedError } from '@thc/phi-protection';
import {
  IllegalTransitionError,
  QualitySampleRefusedError,
  SessionRuleError,
} from '../domain/session.errors';

/** Domain errors as the HTTP problems the API promises; anything else stays a 500. */
export function toHttpError(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  if (error instanceof IllegalTransitionError || error instanceof PatientErasedError)
    return new ConflictException(error.message);
  if (error instanceof ConcurrencyError)
    return new ConflictException('the session changed at the same time; reload and try again');
  if (error instanceof SessionRuleError) return new UnprocessableEntityException(error.message);
  if (error instanceof QualitySampleRefusedError)
    return new HttpException(error.message, HttpStatus.TOO_MANY_REQUESTS);
  if (error instanceof InvalidEventError)
    return new BadRequestException('the request does not make a valid session event');
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
