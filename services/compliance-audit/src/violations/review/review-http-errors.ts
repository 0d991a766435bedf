import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { ConcurrencyError } from '@thc/event-store';
import { domainErrorMap } from '@thc/service-runtime';
import {
  ViolationConflictError,
  ViolationNotFoundError,
  ViolationSelfReviewError,
} from '../domain/violation-review.errors';

/** Review domain errors as the HTTP problems the API promises; anything else stays a 500. */
export const { asHttp } = domainErrorMap([
  [ViolationNotFoundError, (error) => new NotFoundException(error.message)],
  [ViolationSelfReviewError, (error) => new ForbiddenException(error.message)],
  [ViolationConflictError, (error) => new ConflictException(error.message)],
  [
    ConcurrencyError,
    () => new ConflictException('the violation changed at the same time; try again'),
  ],
]);
