/** The waitlist's settings, read once from the environment when the module starts. */
export interface WaitlistSettings {
  /** SCHEDULING_WAITLIST_OFFER_MINUTES (default 60): how long an offered slot waits for its patient. */
  readonly offerMinutes: number;
  /**
   * SCHEDULING_WAITLIST_POLL_MS (default 30 000; 0 turns the poller off): how often each
   * instance looks for offers that ran out and freed slots still to offer.
   */
  readonly pollMs: number;
}

export const WAITLIST_SETTINGS = Symbol('WAITLIST_SETTINGS');

function integer(
  read: (name: string) => string | undefined,
  name: string,
  fallback: number,
  [min, max]: readonly [number, number],
): number {
  const raw = read(name);
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name}: must be an integer from ${min} to ${max}`);
  return value;
}

export function waitlistSettingsFromEnv(
  read: (name: string) => string | undefined = (name) => process.env[name],
): WaitlistSettings {
  return {
    offerMinutes: integer(read, 'SCHEDULING_WAITLIST_OFFER_MINUTES', 60, [1, 10_080]),
    pollMs: integer(read, 'SCHEDULING_WAITLIST_POLL_MS', 30_000, [0, 3_600_000]),
  };
}
