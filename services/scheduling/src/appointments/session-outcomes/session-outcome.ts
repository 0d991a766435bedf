import type { SessionEndedV1 } from '@thc/contracts';
import type { AppointmentCommand } from '../domain/appointment.commands';
import type { AppointmentState } from '../domain/appointment.state';

/**
 * What a session's end means for its appointment, as commands for the appointment decider.
 * Pure and idempotent by state: an appointment that already carries this session's outcome
 * gets no command, so a redelivered SessionEnded changes nothing. A session that ended
 * without a visit outcome (technical failure, cancelled) leaves the appointment to staff.
 */
export function commandsForSessionEnd(
  ended: SessionEndedV1,
  state: AppointmentState,
): AppointmentCommand[] {
  if (state.status === 'none' || state.status === 'proposed') return [];
  const { sessionId, endedAt } = ended;
  switch (ended.outcome) {
    case 'completed': {
      const complete: AppointmentCommand = {
        type: 'CompleteAppointment',
        sessionId,
        startedAt: ended.startedAt ?? endedAt,
        endedAt,
        at: endedAt,
      };
      // Sessions may end a visit whose check-in nobody recorded: the session's start is it.
      if (state.status === 'booked')
        return [{ type: 'CheckIn', sessionId, at: ended.startedAt ?? endedAt }, complete];
      return state.status === 'arrived' ? [complete] : [];
    }
    case 'patient-no-show':
      return state.status === 'booked'
        ? [{ type: 'RecordNoShow', sessionId, absent: 'patient', at: endedAt }]
        : [];
    case 'provider-no-show':
      return state.status === 'booked' || state.status === 'arrived'
        ? [{ type: 'RecordNoShow', sessionId, absent: 'provider', at: endedAt }]
        : [];
    default:
      return [];
  }
}
