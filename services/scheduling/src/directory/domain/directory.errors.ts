/** One reason a record is refused, naming its field as the API does (`clinicIds[1]`). */
export interface RecordViolation {
  readonly field: string;
  readonly reason: string;
}

export class InvalidDirectoryRecord extends Error {
  override readonly name = 'InvalidDirectoryRecord';
  constructor(readonly violations: readonly RecordViolation[]) {
    super(violations.map((violation) => `${violation.field} ${violation.reason}`).join('; '));
  }
}
