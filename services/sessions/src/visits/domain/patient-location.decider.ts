import type { ConfirmPatientLocation } from './session.commands';
import { SESSION_EVENT as E, SessionEvent } from './session.events';
import { notEnded } from './session.guards';
import type { SessionState } from './session.state';

/**
 * The patient says where they are for this visit. A confirmation repeats the state freely (the
 * start counts only a recent one); the same state confirmed at the same instant, as a retried
 * request does, records nothing twice.
 */
export function confirmLocation(
  command: ConfirmPatientLocation,
  state: SessionState,
): SessionEvent[] {
  const session = notEnded(state, 'confirm the location of');
  const last = session.patientLocation;
  if (last?.state === command.state && Date.parse(last.confirmedAt) === Date.parse(command.at))
    return [];
  return [
    {
      type: E.locationConfirmed,
      data: {
        sessionId: session.sessionId,
        appointmentId: session.appointmentId,
        state: command.state,
        confirmedAt: command.at,
        confirmedBy: command.by,
      },
    },
  ];
}
