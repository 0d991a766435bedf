import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { decidePatientAccess, Principal, Role } from '@thc/auth';
import { AppointmentState, Scheduled } from '../domain/appointment.state';

/** Who may act on one appointment: staff roles in `staff`, or the patient / provider it is for. */
export interface AppointmentAccess {
  readonly patient: boolean;
  readonly provider: boolean;
  readonly staff: readonly Role[];
}

export const READ_ACCESS: AppointmentAccess = {
  patient: true,
  provider: true,
  staff: ['coordinator', 'admin'],
};

/**
 * 404 for an appointment that does not exist (or is only a request), 403 naming why when the
 * caller is neither staff allowed here nor the appointment's own patient or provider.
 */
export function ensureAppointmentAccess(
  principal: Principal,
  state: AppointmentState,
  access: AppointmentAccess,
): Scheduled {
  if (state.status === 'none' || state.status === 'proposed')
    throw new NotFoundException('no such appointment');
  if (principal.roles.some((role) => access.staff.includes(role))) return state;
  const ownProvider =
    access.provider &&
    principal.roles.includes('provider') &&
    principal.subject === state.providerId;
  if (ownProvider) return state;
  if (access.patient) {
    const decision = decidePatientAccess(principal, state.patientId, false);
    if (decision.allowed && principal.roles.includes('patient')) return state;
    if (!decision.allowed) throw new ForbiddenException(decision.reason);
  }
  throw new ForbiddenException("only the appointment's own provider or staff may do this");
}
