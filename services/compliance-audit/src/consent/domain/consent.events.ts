import type { EventDataOf } from '@thc/contracts';

export const CONSENT_EVENT = {
  granted: 'thc.compliance.ConsentGranted.v1',
  revoked: 'thc.compliance.ConsentRevoked.v1',
} as const;

export type ConsentGranted = EventDataOf<typeof CONSENT_EVENT.granted>;
export type ConsentRevoked = EventDataOf<typeof CONSENT_EVENT.revoked>;

export type ConsentEvent =
  | { readonly type: typeof CONSENT_EVENT.granted; readonly data: ConsentGranted }
  | { readonly type: typeof CONSENT_EVENT.revoked; readonly data: ConsentRevoked };

/** One stream per patient holds all their consents: the current state is one stream read. */
export const consentStreamId = (patientId: string): string => `consent-${patientId}`;
