import type { ConsentStanding } from './domain/session.commands';

/** One telehealth consent event of a patient, as the read model keeps it. */
export type ConsentFact =
  | {
      readonly kind: 'granted';
      readonly consentId: string;
      readonly at: string;
      readonly expiresAt?: string;
    }
  | { readonly kind: 'revoked'; readonly consentId: string; readonly at: string };

/**
 * The patient's telehealth consent standing at `now`, from their consent facts (any order).
 * Active: a granted consent neither revoked nor expired (the latest such one is named).
 * Otherwise the refusal says why: revoked or expired if there was one, else missing.
 */
export function consentStanding(facts: readonly ConsentFact[], now: Date): ConsentStanding {
  const revoked = new Set(facts.filter((f) => f.kind === 'revoked').map((f) => f.consentId));
  const granted = facts
    .filter((f): f is Extract<ConsentFact, { kind: 'granted' }> => f.kind === 'granted')
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const expired = (f: { expiresAt?: string }) =>
    f.expiresAt !== undefined && Date.parse(f.expiresAt) <= now.getTime();
  const active = granted.find((f) => !revoked.has(f.consentId) && !expired(f));
  if (active) return { active: true, consentId: active.consentId };
  const latest = granted[0];
  if (!latest) return { active: false, reason: 'consent-missing' };
  return {
    active: false,
    reason: revoked.has(latest.consentId) ? 'consent-revoked' : 'consent-expired',
  };
}
