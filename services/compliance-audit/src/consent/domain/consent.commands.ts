import { ConsentGranted, ConsentRevoked } from './consent.events';

export type ConsentScope = ConsentGranted['scope'];
export type ConsentMethod = ConsentGranted['method'];
export type Actor = ConsentGranted['capturedBy'];

export interface GrantConsent {
  readonly type: 'GrantConsent';
  readonly consentId: string;
  readonly patientId: string;
  readonly scope: ConsentScope;
  readonly method: ConsentMethod;
  readonly formVersion: string;
  readonly expiresAt?: string;
  readonly witnessedBy?: ConsentGranted['witnessedBy'];
  readonly at: string;
  readonly by: Actor;
}

export interface RevokeConsent {
  readonly type: 'RevokeConsent';
  readonly consentId: string;
  readonly at: string;
  readonly by: ConsentRevoked['revokedBy'];
}

export type ConsentCommand = GrantConsent | RevokeConsent;
