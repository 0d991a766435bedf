import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { coversClinic, decidePatientAccess, Principal, Role } from '@thc/auth';
import { AppointmentState, Scheduled } from './domain/appointment.state';

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

/** The 403 of staff acting on an appointment of a clinic they do not cover. */
export const FOREIGN_CLINIC = 'the appointment is in a clinic you do not cover';

/**
 * 404 for an appointment that does not exist (or is only a request), 403 naming why when the
 * caller is neither staff of its clinic allowed here nor the appointment's own patient or
 * provider. Staff of another clinic get 403, as every refusal here names its reason: the id
 * is a random UUID someone in the organization handed them, so naming the clinic rule hides
 * nothing the 404 would.
 */
export function ensureAppointmentAccess(
  principal: Principal,
  state: AppointmentState,
  access: AppointmentAccess,
): Scheduled {
  if (state.status === 'none' || state.status === 'proposed')
    throw new NotFoundException('no such appointment');
  const staff = principal.roles.some((role) => access.staff.includes(role));
  if (staff && coversClinic(principal, state.clinicId)) return state;
  const ownProvider =
    access.provider &&
    principal.roles.includes('provider') &&
    principal.subject === state.providerId;
  if (ownProvider) return state;
  if (
    access.patient &&
    principal.roles.includes('patient') &&
    principal.subject === state.patientId
  )
    return state;
  if (staff) throw new ForbiddenException(FOREIGN_CLINIC);
  if (access.patient) {
    const decision = decidePatientAccess(principal, state.patientId, false);
    if (!decision.allowed) throw new ForbiddenException(decision.reason);
  }
  throw new ForbiddenException("only the appointment's own provider or staff may do this");
}
