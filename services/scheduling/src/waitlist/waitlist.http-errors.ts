import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { ConcurrencyError } from '@thc/event-store';
import {
  WaitlistEntryLeftError,
  WaitlistEntryNotFoundError,
  WaitlistRuleError,
} from './domain/waitlist.errors';

/** Waitlist errors as the HTTP problems the API promises; anything else passes unchanged. */
export function toWaitlistHttpError(error: unknown): unknown {
  if (error instanceof WaitlistEntryNotFoundError) return new NotFoundException(error.message);
  if (error instanceof WaitlistEntryLeftError) return new ConflictException(error.message);
  if (error instanceof WaitlistRuleError) return new UnprocessableEntityException(error.message);
  if (error instanceof ConcurrencyError)
    return new ConflictException('the waitlist entry changed at the same time; try again');
  return error;
}

/** Runs a use case and rethrows its domain errors as HTTP errors. */
export async function asWaitlistHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toWaitlistHttpError(error);
  }
}
