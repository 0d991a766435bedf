import { ConflictException } from '@nestjs/common';
import type { Principal } from '@thc/auth';
import { ConcurrencyError } from '@thc/event-store';
import { InvalidInputException } from '@thc/service-runtime';
import { InvalidDirectoryRecord } from './domain/directory.errors';
import type { RecordingContext } from './directory.recorder';

/** An admin's request as the events name it. */
export function recordingContextOf(principal: Principal): RecordingContext {
  return {
    actor: { kind: 'user', userId: principal.subject, role: 'admin' },
    metadata: { actor: principal.subject },
  };
}

/** A refused record is a 400 naming each field; a race with another writer a 409. */
export function toHttpError(error: unknown, fieldPrefix = ''): unknown {
  if (error instanceof InvalidDirectoryRecord)
    return new InvalidInputException(
      error.violations.map(({ field, reason }) => ({ name: `${fieldPrefix}${field}`, reason })),
    );
  if (error instanceof ConcurrencyError)
    return new ConflictException(
      'the record was being changed by someone else; repeat the request',
    );
  return error;
}
