import type { Role } from '@thc/auth';

/** Training's settings, read once from the environment when the service starts. */
export interface TrainingSettings {
  /**
   * TRAINING_EXPIRY_CHECK_INTERVAL_MS (default 60 000; 0 turns the check off): how often each
   * instance looks for expiries, warnings and overdue assignments that are due.
   */
  readonly expiryCheckIntervalMs: number;
  /** TRAINING_EXPIRY_WARNING_DAYS (default "30,7"): lead times of expiry warnings, in days. */
  readonly warningLeadDays: readonly number[];
  /** TRAINING_ASSIGNMENT_DUE_DAYS (default 30): due date of assignments made without one. */
  readonly assignmentDueDays: number;
}

export const TRAINING_SETTINGS = Symbol('TRAINING_SETTINGS');

/** A caller holding several roles acts on training's events in the first of these they hold. */
export const TRAINING_ACTING_ROLES: readonly Role[] = [
  'admin',
  'trainer',
  'coordinator',
  'provider',
];

function integer(
  raw: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name}: must be an integer between ${min} and ${max}`);
  return value;
}

export function trainingSettingsFromEnv(
  read: (name: string) => string | undefined = (name) => process.env[name],
): TrainingSettings {
  const leads = (read('TRAINING_EXPIRY_WARNING_DAYS') ?? '30,7')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => integer(part.trim(), 'TRAINING_EXPIRY_WARNING_DAYS', 0, 1, 365));
  return {
    expiryCheckIntervalMs: integer(
      read('TRAINING_EXPIRY_CHECK_INTERVAL_MS'),
      'TRAINING_EXPIRY_CHECK_INTERVAL_MS',
      60_000,
      0,
      86_400_000,
    ),
    warningLeadDays: [...new Set(leads)].sort((a, b) => b - a),
    assignmentDueDays: integer(
      read('TRAINING_ASSIGNMENT_DUE_DAYS'),
      'TRAINING_ASSIGNMENT_DUE_DAYS',
      30,
      1,
      365,
    ),
  };
}
