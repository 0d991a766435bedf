import { ConflictException, GoneException, NotFoundException } from '@nestjs/common';
import { ConcurrencyError } from '@thc/event-store';
import { PatientErasedError } from '@thc/phi-protection';
import { domainErrorMap } from '@thc/service-runtime';
import { NoContactPreferencesError } from './domain/contact-preferences.errors';

export const ERASED = 'the patient was erased: nothing about them is kept or shown';
export const NO_RECORD = 'no contact preferences are recorded for this person';

/** The HTTP answer to what the contact handlers throw; anything else stays a 500. */
export const { toHttpError: asHttpError } = domainErrorMap([
  [NoContactPreferencesError, () => new NotFoundException(NO_RECORD)],
  [PatientErasedError, () => new GoneException(ERASED)],
  [
    ConcurrencyError,
    () =>
      new ConflictException(
        'the contact preferences were being changed at the same time; repeat the request',
      ),
  ],
]);
