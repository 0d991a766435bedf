import type { EventDataOf } from '@thc/contracts';
import { createHash } from 'node:crypto';
import type { GrantConsent } from '../domain/consent.commands';

export const CONSENT_GIVEN_AT_JOIN = 'thc.sessions.ConsentGivenAtJoin.v1';
export type ConsentGivenAtJoin = EventDataOf<typeof CONSENT_GIVEN_AT_JOIN>;

// Fixed namespace of consents given at join (a random UUID chosen once): the id below is the
// same on every instance and every delivery.
const NAMESPACE = Buffer.from('3d9a7c51e2b84f06a1c5d7e9f0b2a468', 'hex');

/**
 * The consent's id, a name-based UUID (RFC 9562 version 5) of the sessions event that carried
 * it: a redelivered event grants the same consent again, which the consent decider refuses as
 * already recorded, so nothing is recorded twice.
 */
export function consentIdOf(eventId: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(eventId.toLowerCase()).digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The grant a consent given on the visit page stands for. The patient accepted the text
 * themselves, with the link only they were sent: an electronic signature the patient captured
 * (no staff member took part), of the text version they read, from the moment they accepted.
 * It does not expire; it ends when revoked.
 */
export function grantOf(eventId: string, data: ConsentGivenAtJoin): GrantConsent {
  return {
    type: 'GrantConsent',
    consentId: consentIdOf(eventId),
    patientId: data.patientId,
    scope: data.scope,
    method: 'electronic-signature',
    formVersion: data.textVersion,
    at: data.givenAt,
    by: { kind: 'user', userId: data.patientId, role: 'patient' },
  };
}
