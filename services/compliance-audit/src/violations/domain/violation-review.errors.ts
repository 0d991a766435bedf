/** No violation with this id: HTTP 404. */
export class ViolationNotFoundError extends Error {
  override readonly name = 'ViolationNotFoundError';
  constructor(violationId: string) {
    super(`no violation ${violationId}`);
  }
}

/** The violation is not in a state that allows the step (e.g. resolved already): HTTP 409. */
export class ViolationConflictError extends Error {
  override readonly name = 'ViolationConflictError';
}
