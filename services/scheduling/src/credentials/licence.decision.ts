import type { StateLicenceListing } from '../directory/directory.port';

/** What the licence check needs of a provider: the name people read and their state licences. */
export interface LicensedPerson {
  readonly staffId: string;
  readonly displayName: string;
  readonly licences: readonly StateLicenceListing[];
}

export type LicenceDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const DAY_MS = 86_400_000;

/** A licence is valid through the end of its `expiresOn` day, UTC. */
const validThrough = (licence: StateLicenceListing): number =>
  Date.parse(`${licence.expiresOn}T00:00:00Z`) + DAY_MS;

/** "licensed in NY until 2027-06-30, NJ until 2026-02-28", or that there is none. */
function holdings(licences: readonly StateLicenceListing[]): string {
  if (licences.length === 0) return 'no state licence on record';
  const sorted = [...licences].sort((a, b) => a.state.localeCompare(b.state));
  return `licensed in ${sorted.map((l) => `${l.state} until ${l.expiresOn}`).join(', ')}`;
}

/**
 * May this provider see a patient who will be in `state` during a visit ending at `visitEnd`?
 * Licensure follows the patient: the provider needs a licence of that state valid through the
 * visit's end. Pure: the licences come from the directory. The refusal names the state, the
 * day and what the provider does hold, so a coordinator can pick another provider or correct
 * the location.
 */
export function decideLicence(
  provider: LicensedPerson | undefined,
  providerId: string,
  state: string,
  visitEnd: string,
): LicenceDecision {
  const day = new Date(visitEnd).toISOString().slice(0, 10);
  if (!provider)
    return {
      allowed: false,
      reason: `provider ${providerId} is not in the directory, so no licence of theirs is known: record them with their state licences first`,
    };
  const end = Date.parse(visitEnd);
  if (provider.licences.some((l) => l.state === state && end <= validThrough(l)))
    return { allowed: true };
  return {
    allowed: false,
    reason: `${provider.displayName} holds no licence active in ${state} on ${day} (${holdings(provider.licences)})`,
  };
}
