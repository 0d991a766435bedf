import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InvalidEventError } from '@thc/contracts';
import { ConcurrencyError } from '@thc/event-store';
import { domainErrorMap } from '@thc/service-runtime';
import {
  ConsentConflictError,
  ConsentNotFoundError,
  ConsentRuleError,
} from './domain/consent.errors';

/** Consent domain errors as the HTTP problems the API promises; anything else stays a 500. */
export const { asHttp } = domainErrorMap([
  [ConsentConflictError, (error) => new ConflictException(error.message)],
  [
    ConcurrencyError,
    () => new ConflictException("the patient's consents changed at the same time; try again"),
  ],
  [ConsentNotFoundError, (error) => new NotFoundException(error.message)],
  [ConsentRuleError, (error) => new UnprocessableEntityException(error.message)],
  [
    InvalidEventError,
    () => new BadRequestException('the request does not make a valid consent event'),
  ],
]);
