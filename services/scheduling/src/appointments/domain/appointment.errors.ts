/** The command does not fit the appointment's status (HTTP 409). */
export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  constructor(
    readonly action: string,
    readonly status: string,
  ) {
    super(
      status === 'none'
        ? `cannot ${action}: the appointment does not exist`
        : `cannot ${action} an appointment whose status is ${status}`,
    );
  }
}

/** The command is well-formed but breaks a rule of time or participants (HTTP 422). */
export class AppointmentRuleError extends Error {
  override readonly name = 'AppointmentRuleError';
}

/** The command conflicts with the appointment as it now is, whatever its status (HTTP 409). */
export class AppointmentConflictError extends Error {
  override readonly name = 'AppointmentConflictError';
}
