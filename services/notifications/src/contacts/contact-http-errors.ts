import { ConflictException, GoneException, NotFoundException } from '@nestjs/common';
import { ConcurrencyError } from '@thc/event-store';
import { PatientErasedError } from '@thc/phi-protection';
import { NoContactPreferencesError } from './domain/contact-preferences.errors';

export const ERASED = 'the patient was erased: nothing about them is kept or shown';
export const NO_RECORD = 'no contact preferences are recorded for this person';

/** The HTTP answer to what the contact handlers throw; anything else stays a 500. */
export function asHttpError(error: unknown): unknown {
  if (error instanceof NoContactPreferencesError) return new NotFoundException(NO_RECORD);
  if (error instanceof PatientErasedError) return new GoneException(ERASED);
  if (error instanceof ConcurrencyError)
    return new ConflictException(
      'the contact preferences were being changed at the same time; repeat the request',
    );
  return error;
}
