import type { RuleViolation } from './schedule-rules.validation';

export class ScheduleAlreadyDefined extends Error {
  override readonly name = 'ScheduleAlreadyDefined';
  constructor(readonly providerId: string) {
    super(`provider ${providerId} already has a schedule; change it instead`);
  }
}

export class ScheduleNotDefined extends Error {
  override readonly name = 'ScheduleNotDefined';
  constructor(readonly providerId: string) {
    super(`provider ${providerId} has no schedule yet`);
  }
}

export class InvalidScheduleRules extends Error {
  override readonly name = 'InvalidScheduleRules';
  constructor(readonly violations: readonly RuleViolation[]) {
    super(violations.map((violation) => `${violation.field} ${violation.reason}`).join('; '));
  }
}
