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

/** The reviewer is the actor the violation is about, and may not judge their own case: HTTP 403. */
export class ViolationSelfReviewError extends Error {
  override readonly name = 'ViolationSelfReviewError';
  constructor() {
    super('a reviewer may not acknowledge or resolve a violation in which they are the actor');
  }
}
