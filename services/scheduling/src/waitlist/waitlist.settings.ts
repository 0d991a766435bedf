/** SCHEDULING_WAITLIST_OFFER_MINUTES (default 60): how long an offered slot waits for its patient. */
export const WAITLIST_OFFER_MINUTES = Symbol('WAITLIST_OFFER_MINUTES');

export function waitlistOfferMinutesFromEnv(
  read: (name: string) => string | undefined = (name) => process.env[name],
): number {
  const raw = read('SCHEDULING_WAITLIST_OFFER_MINUTES');
  if (raw === undefined || raw === '') return 60;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 10_080)
    throw new Error('SCHEDULING_WAITLIST_OFFER_MINUTES: must be an integer from 1 to 10080');
  return value;
}
