// E.164: a plus, a country code that does not start with 0, at most 15 digits in all.
const E164 = /^\+[1-9]\d{6,14}$/;
// What people write between digits: spaces, dashes, dots, brackets.
const SEPARATORS = /[\s\-.()\u00a0]/g;

/**
 * A mobile number as it is stored, compared and looked up: E.164 without separators
 * (`+1 (415) 555-0100` → `+14155550100`); `00` in front is the international prefix.
 * Undefined when it cannot be one, so one person's number always hashes to one key.
 */
export function normalisedE164(written: string): string | undefined {
  const compact = written.replace(SEPARATORS, '').replace(/^00/, '+');
  return E164.test(compact) ? compact : undefined;
}
