import type { Role } from '@thc/auth';

/** Scheduling's appointment settings, read once from the environment when the module starts. */
export interface AppointmentSettings {
  /** SCHEDULING_REQUIRE_CREDENTIAL (default true): refuse providers without a current credential. */
  readonly requireCredential: boolean;
  /**
   * SCHEDULING_REQUIRE_LICENCE (default true): refuse a provider without a licence active in
   * the patient's stated state through the visit. Neither this nor the credential check may be
   * turned off with NODE_ENV=production: the service refuses to start.
   */
  readonly requireLicence: boolean;
  /** SCHEDULING_LATE_CANCEL_MINUTES (default 1440): cancelling closer to the start is late. */
  readonly lateCancelWindowMinutes: number;
  /**
   * SCHEDULING_CLAIM_TIMEOUT_MS (default 60 000): a ledger claim older than this whose
   * appointment does not hold its time is free again; a booking slower than this gives up.
   */
  readonly claimTimeoutMs: number;
  /** SCHEDULING_REMINDER_OFFSETS_MINUTES (default `1440,60`): reminders this long before a visit. */
  readonly reminderOffsetsMinutes: readonly number[];
  /** SCHEDULING_REMINDER_POLL_MS (default 30 000; 0 turns reminders off): how often to look. */
  readonly reminderPollMs: number;
}

export const APPOINTMENT_SETTINGS = Symbol('APPOINTMENT_SETTINGS');

/** Longest buffer honoured; releases look this far around a visit for the days it held. */
export const MAX_BUFFER_MINUTES = 240;

/** A caller holding several roles acts on scheduling's events in the first of these they hold. */
export const SCHEDULING_ACTING_ROLES: readonly Role[] = [
  'admin',
  'coordinator',
  'provider',
  'patient',
];

function integer(
  read: (name: string) => string | undefined,
  name: string,
  fallback: number,
  max: number,
): number {
  const raw = read(name);
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new Error(`${name}: must be an integer between 0 and ${max}`);
  return value;
}

function offsets(raw: string): number[] {
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (
    raw.trim() === '' ||
    values.some((value) => !Number.isInteger(value) || value < 1 || value > 43_200) ||
    new Set(values).size !== values.length
  )
    throw new Error(
      'SCHEDULING_REMINDER_OFFSETS_MINUTES: distinct whole minutes from 1 to 43200, comma-separated',
    );
  return values.sort((a, b) => b - a);
}

/**
 * A check a booking must pass, on unless turned off; development and tests may turn it off,
 * production may not (a deployment that did would book providers the law does not allow).
 */
function required(read: (name: string) => string | undefined, name: string): boolean {
  const value = read(name) ?? 'true';
  if (value !== 'true' && value !== 'false') throw new Error(`${name}: must be true or false`);
  if (value === 'false' && read('NODE_ENV') === 'production')
    throw new Error(`${name}: cannot be false in production (NODE_ENV=production)`);
  return value === 'true';
}

export function appointmentSettingsFromEnv(
  read: (name: string) => string | undefined = (name) => process.env[name],
): AppointmentSettings {
  return {
    requireCredential: required(read, 'SCHEDULING_REQUIRE_CREDENTIAL'),
    requireLicence: required(read, 'SCHEDULING_REQUIRE_LICENCE'),
    lateCancelWindowMinutes: integer(read, 'SCHEDULING_LATE_CANCEL_MINUTES', 1440, 43_200),
    claimTimeoutMs: integer(read, 'SCHEDULING_CLAIM_TIMEOUT_MS', 60_000, 3_600_000),
    reminderOffsetsMinutes: offsets(read('SCHEDULING_REMINDER_OFFSETS_MINUTES') ?? '1440,60'),
    reminderPollMs: integer(read, 'SCHEDULING_REMINDER_POLL_MS', 30_000, 3_600_000),
  };
}
