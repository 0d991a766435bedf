import { CertificationKind, requiredKinds } from '../../requirements/role-requirements';
import type { Certification, Enrolled } from './staff-training.state';

export type CredentialAssessment =
  | {
      readonly current: true;
      readonly validUntil: string;
      readonly certificationIds: readonly string[];
    }
  | {
      readonly current: false;
      readonly missing: CertificationKind;
      readonly cause: 'certification-expired' | 'certification-revoked';
      /** The certification of the missing kind that went last, when there was one. */
      readonly went?: Certification;
    };

const ms = (instant: string): number => Date.parse(instant);

/** The certification of a kind that lasts longest and is in force at `at`, if any. */
export function inForce(
  certifications: readonly Certification[],
  kind: CertificationKind,
  at: string,
): Certification | undefined {
  return certifications
    .filter((c) => c.kind === kind && c.status === 'active' && ms(c.expiresAt) > ms(at))
    .sort((a, b) => ms(b.expiresAt) - ms(a.expiresAt))[0];
}

/**
 * The telehealth credential at `at`: current when every certification the role requires is
 * in force (granted or recorded, not revoked, not expired); valid until the earliest expiry.
 */
export function assessCredential(state: Enrolled, at: string): CredentialAssessment {
  const held: Certification[] = [];
  for (const kind of requiredKinds(state.role)) {
    const certification = inForce(state.certifications, kind, at);
    if (!certification) {
      const went = state.certifications
        .filter((c) => c.kind === kind)
        .sort((a, b) => ms(b.expiresAt) - ms(a.expiresAt))[0];
      return {
        current: false,
        missing: kind,
        cause: went?.status === 'revoked' ? 'certification-revoked' : 'certification-expired',
        ...(went ? { went } : {}),
      };
    }
    held.push(certification);
  }
  const validUntil = held
    .map((c) => c.expiresAt)
    .reduce((min, expiresAt) => (ms(expiresAt) < ms(min) ? expiresAt : min));
  return { current: true, validUntil, certificationIds: held.map((c) => c.certificationId) };
}
