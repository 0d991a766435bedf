import {
  ConflictException,
  ForbiddenException,
  HttpException,
  NotFoundException,
} from '@nestjs/common';
import { ConcurrencyError } from '@thc/event-store';
import {
  ViolationConflictError,
  ViolationNotFoundError,
  ViolationSelfReviewError,
} from '../domain/violation-review.errors';

/** Review domain errors as the HTTP problems the API promises; anything else stays a 500. */
export async function asHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpException) throw error;
    if (error instanceof ViolationNotFoundError) throw new NotFoundException(error.message);
    if (error instanceof ViolationSelfReviewError) throw new ForbiddenException(error.message);
    if (error instanceof ViolationConflictError) throw new ConflictException(error.message);
    if (error instanceof ConcurrencyError)
      throw new ConflictException('the violation changed at the same time; try again');
    throw error;
  }
}
