import { ConsentGranted, ConsentRevoked } from './consent.events';

/** One consent as granted, and its revocation once revoked. */
export interface ConsentRecord {
  readonly granted: ConsentGranted;
  readonly revoked?: ConsentRevoked;
}

/** A patient's consents, in the order they were given. */
export interface ConsentState {
  readonly patientId?: string;
  readonly consents: readonly ConsentRecord[];
}

export const initialConsentState = (): ConsentState => ({ consents: [] });

const ms = (instant: string): number => Date.parse(instant);

/** Whether a consent was in force at an instant: given, not yet revoked, not yet expired. */
export function inForceAt(record: ConsentRecord, at: string): boolean {
  const t = ms(at);
  if (ms(record.granted.grantedAt) > t) return false;
  if (record.revoked && ms(record.revoked.revokedAt) <= t) return false;
  return !(record.granted.expiresAt && ms(record.granted.expiresAt) <= t);
}

/** The consent of this scope in force at `at`, if any. */
export function activeConsent(
  state: ConsentState,
  scope: ConsentGranted['scope'],
  at: string,
): ConsentRecord | undefined {
  return state.consents.find((record) => record.granted.scope === scope && inForceAt(record, at));
}

/** FHIR Consent.status: active while in force, inactive once revoked or expired. */
export function consentStatus(record: ConsentRecord, at: string): 'active' | 'inactive' {
  return inForceAt(record, at) ? 'active' : 'inactive';
}
