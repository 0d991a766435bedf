/** The command breaks a consent rule (e.g. verbal consent without a witness): HTTP 422. */
export class ConsentRuleError extends Error {
  override readonly name = 'ConsentRuleError';
}

/** The consent is not in a state that allows the command (e.g. already revoked): HTTP 409. */
export class ConsentConflictError extends Error {
  override readonly name = 'ConsentConflictError';
}

/** No such consent for this patient: HTTP 404. */
export class ConsentNotFoundError extends Error {
  override readonly name = 'ConsentNotFoundError';
  constructor(consentId: string) {
    super(`no consent ${consentId} for this patient`);
  }
}
