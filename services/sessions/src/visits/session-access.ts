import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { coversClinic, decidePatientAccess, Principal, Role } from '@thc/auth';
import type { Session, SessionState } from './domain/session.state';

const STAFF: readonly Role[] = ['coordinator', 'admin'];

/** The 403 of staff acting on a session of a clinic they do not cover. */
export const FOREIGN_CLINIC = 'the session is in a clinic you do not cover';

/**
 * Who may see or act on a session: coordinators and admins those of the clinics they cover; a
 * provider the sessions they run; a patient their own. 404 for a session that does not exist,
 * 403 naming why otherwise (staff of another clinic included: every refusal here names its
 * reason, and the id, a random UUID, tells nothing a 404 would hide).
 */
export function ensureSessionAccess(principal: Principal, state: SessionState): Session {
  if (state.status === 'none') throw new NotFoundException('no such session');
  const staff = principal.roles.some((role) => STAFF.includes(role));
  if (staff && coversClinic(principal, state.clinicId)) return state;
  if (principal.roles.includes('provider') && principal.subject === state.providerId) return state;
  if (principal.roles.includes('patient') && principal.subject === state.patientId) return state;
  if (staff) throw new ForbiddenException(FOREIGN_CLINIC);
  if (principal.roles.includes('patient')) {
    const decision = decidePatientAccess(principal, state.patientId, false);
    if (decision.allowed) return state;
    throw new ForbiddenException(decision.reason);
  }
  throw new ForbiddenException("only the session's own provider or patient, or staff, may do this");
}

/** As ensureSessionAccess, for actions a patient may not take (admit, start, end, assign). */
export function ensureStaffOrProvider(principal: Principal, state: SessionState): Session {
  const session = ensureSessionAccess(principal, state);
  if (principal.roles.some((role) => STAFF.includes(role) || role === 'provider')) return session;
  throw new ForbiddenException("only the session's provider or staff may do this");
}

/** For actions about one participant: a patient may act only for themselves. */
export function ensureParticipantAccess(
  principal: Principal,
  state: SessionState,
  participantId: string,
): Session {
  const session = ensureSessionAccess(principal, state);
  const staffOrProvider = principal.roles.some(
    (role) => STAFF.includes(role) || role === 'provider',
  );
  if (!staffOrProvider && principal.subject !== participantId)
    throw new ForbiddenException('patients can act only for themselves');
  return session;
}
