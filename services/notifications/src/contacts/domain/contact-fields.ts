/** HH:mm on a 24-hour clock, as the contract's localTime. */
export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

// The contract's pattern for zone names (no abbreviations such as EST).
const ZONE_NAME = /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+){1,2})$/;

/**
 * The IANA zone in the tz database's own spelling (`america/new_york` → `America/New_York`),
 * or undefined when Intl does not know it or the contract would refuse its form.
 */
export function canonicalTimeZone(written: string): string | undefined {
  // Checked before Intl too: it resolves abbreviations (`EST`) to a zone people did not mean.
  if (!ZONE_NAME.test(written)) return undefined;
  let zone: string;
  try {
    zone = new Intl.DateTimeFormat('en-US', { timeZone: written }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  return ZONE_NAME.test(zone) ? zone : undefined;
}

/** A BCP 47 tag in canonical case (`ES-mx` → `es-MX`), as scheduling keeps profiles; or undefined. */
export function canonicalLanguage(written: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(written)[0];
  } catch {
    return undefined;
  }
}
