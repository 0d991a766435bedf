/** Reads one environment variable: `process.env` in a service, a table in its specs. */
export type EnvRead = (name: string) => string | undefined;

/**
 * An integer setting: `fallback` when the variable is unset or empty; a value that is not a
 * whole number in [min, max] stops the start with a message naming the variable.
 */
export function envInteger(
  read: EnvRead,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = read(name);
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name}: must be an integer between ${min} and ${max}`);
  return value;
}
