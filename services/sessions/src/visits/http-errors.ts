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
import { domainErrorMap } from '@thc/service-runtime';
import {
  IllegalTransitionError,
  QualitySampleRefusedError,
  SessionRuleError,
} from './domain/session.errors';

/** Domain errors as the HTTP problems the API promises; anything else stays a 500. */
export const { toHttpError, asHttp } = domainErrorMap([
  [[IllegalTransitionError, PatientErasedError], (error) => new ConflictException(error.message)],
  [
    ConcurrencyError,
    () => new ConflictException('the session changed at the same time; reload and try again'),
  ],
  [SessionRuleError, (error) => new UnprocessableEntityException(error.message)],
  [
    QualitySampleRefusedError,
    (error) => new HttpException(error.message, HttpStatus.TOO_MANY_REQUESTS),
  ],
  [
    InvalidEventError,
    () => new BadRequestException('the request does not make a valid session event'),
  ],
]);
