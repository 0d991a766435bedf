import {
  BadRequestException,
  ConflictException,
  HttpException,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InvalidEventError } from '@thc/contracts';
import { ConcurrencyError } from '@thc/event-store';
import {
  ConsentConflictError,
  ConsentNotFoundError,
  ConsentRuleError,
} from './domain/consent.errors';

/** Consent domain errors as the HTTP problems the API promises; anything else stays a 500. */
export async function asHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpException) throw error;
    if (error instanceof ConsentConflictError) throw new ConflictException(error.message);
    if (error instanceof ConcurrencyError)
      throw new ConflictException("the patient's consents changed at the same time; try again");
    if (error instanceof ConsentNotFoundError) throw new NotFoundException(error.message);
    if (error instanceof ConsentRuleError) throw new UnprocessableEntityException(error.message);
    if (error instanceof InvalidEventError)
      throw new BadRequestException('the request does not make a valid consent event');
    throw error;
  }
}
