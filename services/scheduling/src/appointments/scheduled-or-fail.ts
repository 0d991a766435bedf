import { AppointmentState, Scheduled } from './domain/appointment.state';

/** After a command that schedules, the state holds a slot; anything else is a bug. */
export function scheduledOrFail(state: AppointmentState): Scheduled {
  if (state.status === 'none' || state.status === 'proposed')
    throw new Error(`expected a scheduled appointment, found ${state.status}`);
  return state;
}
