/** CARE_RELATIONSHIP_DAYS when unset: a quarter of a year covers follow-up after a visit. */
export const DEFAULT_CARE_RELATIONSHIP_DAYS = 90;

/**
 * CARE_RELATIONSHIP_DAYS (default 90, 0 to 3650): how many days after a provider's last visit
 * with a patient the provider may still open the patient's records. Read when a service starts;
 * a value that is not a whole number in range stops it, rather than leave access open-ended.
 */
export function careRelationshipDaysFromEnv(
  read: (name: string) => string | undefined = (name) => process.env[name],
): number {
  const raw = read('CARE_RELATIONSHIP_DAYS');
  if (raw === undefined || raw.trim() === '') return DEFAULT_CARE_RELATIONSHIP_DAYS;
  const days = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || days > 3650)
    throw new Error('CARE_RELATIONSHIP_DAYS: must be a whole number of days from 0 to 3650');
  return days;
}
