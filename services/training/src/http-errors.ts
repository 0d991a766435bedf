import {
  BadRequestException,
  ConflictException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InvalidEventError } from '@thc/contracts';
import { ConcurrencyError } from '@thc/event-store';
import { domainErrorMap } from '@thc/service-runtime';
import { ModuleStateError } from './catalog/domain/module.errors';
import {
  TrainingRuleError,
  TrainingStateError,
} from './staff-training/domain/staff-training.errors';

/** Domain errors as the HTTP problems the API promises; anything else stays a 500. */
export const { toHttpError, asHttp } = domainErrorMap([
  [[TrainingStateError, ModuleStateError], (error) => new ConflictException(error.message)],
  [
    ConcurrencyError,
    () => new ConflictException('the record changed at the same time; reload and try again'),
  ],
  [TrainingRuleError, (error) => new UnprocessableEntityException(error.message)],
  [
    InvalidEventError,
    () => new BadRequestException('the request does not make a valid training event'),
  ],
]);
