import type { SessionOutcome } from '../domain/session.events';
import type { Session } from '../domain/session.state';

/** Where a visit stands on the coordinator's board, furthest along first in `boardStandingOf`. */
export const BOARD_STATES = [
  'booked',
  'checked-in',
  'device-check-failed',
  'waiting',
  'in-progress',
  'audio-only',
  'ended',
  'no-show',
  'cancelled',
] as const;

export type BoardState = (typeof BOARD_STATES)[number];

/** A visit's state on the board, with the whole minutes waited while it is `waiting`. */
export type BoardStanding =
  | { readonly state: 'waiting'; readonly waitingMinutes: number }
  | { readonly state: Exclude<BoardState, 'waiting'> };

const OUTCOME_STATE = {
  completed: 'ended',
  'ended-technical-failure': 'ended',
  'patient-no-show': 'no-show',
  'provider-no-show': 'no-show',
  cancelled: 'cancelled',
} as const satisfies Record<SessionOutcome, BoardState>;

/**
 * The visit's state at `now`: its outcome once it is over; in progress (or on audio only, when
 * anyone fell back to it) once started or the patient admitted; waiting while the patient is in
 * the waiting room; a failed device check before that, since someone has to help; checked in
 * once the patient confirmed where they are or passed a check; booked otherwise.
 */
export function boardStandingOf(session: Session, now: Date): BoardStanding {
  if (session.outcome) return { state: OUTCOME_STATE[session.outcome] };
  if (session.status === 'in-progress' || session.admittedAt) {
    const audioOnly = Object.values(session.presence).some((presence) => presence.audioOnly);
    return { state: audioOnly ? 'audio-only' : 'in-progress' };
  }
  if (session.arrivedAt) {
    const waitedMs = now.getTime() - Date.parse(session.arrivedAt);
    return { state: 'waiting', waitingMinutes: Math.max(0, Math.floor(waitedMs / 60_000)) };
  }
  const checks = session.preVisitChecks ?? {};
  if (Object.values(checks).includes('failed')) return { state: 'device-check-failed' };
  const patientCheck = checks[session.patientId];
  if (session.patientLocation || patientCheck === 'passed' || patientCheck === 'warning')
    return { state: 'checked-in' };
  return { state: 'booked' };
}
