/**
 * An event id given to `append` is already stored. Usually a retried append whose first try
 * did reach the database: the caller may treat it as done.
 */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';

  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`stream ${streamId}: an event with id ${eventId} is already stored`);
  }
}
