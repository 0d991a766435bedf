/** The command does not fit the staff member's training record (HTTP 409). */
export class TrainingStateError extends Error {
  override readonly name = 'TrainingStateError';
}

/** The command is well-formed but breaks a rule of dates or scores (HTTP 422). */
export class TrainingRuleError extends Error {
  override readonly name = 'TrainingRuleError';
}
