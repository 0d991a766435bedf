const HOUR_MS = 60 * 60 * 1000;
const JITTER = 0.2;

/**
 * How long to wait before trying again after failed attempt number `attempt` (1 = the first
 * try failed): `baseMs · 2^(attempt − 1)`, never more than an hour, spread by ±20 % so that
 * messages that failed together (an SMTP server restarting) do not all come back at once.
 * `random` returns a number in [0, 1), like Math.random, which it defaults to.
 */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be an integer from 1, not ${attempt}`);
  if (!(baseMs > 0)) throw new RangeError(`baseMs must be positive, not ${baseMs}`);
  const exponential = Math.min(baseMs * 2 ** (attempt - 1), HOUR_MS);
  const spread = 1 - JITTER + 2 * JITTER * random();
  return Math.min(Math.round(exponential * spread), HOUR_MS);
}
