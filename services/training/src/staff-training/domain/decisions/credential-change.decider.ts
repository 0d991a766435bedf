import { assessCredential } from '../credential';
import { STAFF_EVENT as E, StaffTrainingEvent } from '../staff-training.events';
import type { Enrolled } from '../staff-training.state';

/**
 * StaffCredentialed when the credential becomes current or its validity changes;
 * StaffCredentialLapsed when a current one stops being current. Nothing otherwise: each
 * change is announced once, whichever command caused it.
 */
export function reconcileCredential(state: Enrolled, at: string): StaffTrainingEvent[] {
  const assessment = assessCredential(state, at);
  const previous = state.credential;
  if (assessment.current) {
    const unchanged =
      previous.status === 'current' &&
      previous.validUntil === assessment.validUntil &&
      previous.certificationIds.join() === assessment.certificationIds.join();
    if (unchanged) return [];
    return [
      {
        type: E.credentialed,
        data: {
          staffId: state.staffId,
          role: state.role,
          credentialedAt: at,
          validUntil: assessment.validUntil,
          certificationIds: assessment.certificationIds,
        },
      },
    ];
  }
  if (previous.status !== 'current') return [];
  const { went } = assessment;
  // An expiry lapses the credential at the expiry itself, whenever it is noticed, so that
  // every instance that notices it decides the same event.
  const lapsedAt = assessment.cause === 'certification-expired' && went ? went.expiresAt : at;
  return [
    {
      type: E.lapsed,
      data: {
        staffId: state.staffId,
        role: state.role,
        lapsedAt,
        cause: assessment.cause,
        certificationKind: assessment.missing,
        ...(went ? { certificationId: went.certificationId } : {}),
      },
    },
  ];
}
