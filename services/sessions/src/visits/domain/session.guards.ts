import { IllegalTransitionError, SessionRuleError } from './session.errors';
import type { Participant } from './session.events';
import type { Session, SessionState } from './session.state';

export const ms = (instant: string): number => Date.parse(instant);
export const seconds = (from: string, to: string): number =>
  Math.max(0, Math.round((ms(to) - ms(from)) / 1000));

/** The session, or 409 when it does not exist. */
export function existing(state: SessionState, action: string): Session {
  if (state.status === 'none') throw new IllegalTransitionError(action, 'none');
  return state;
}

/** The session, or 409 when it does not exist or has ended. */
export function notEnded(state: SessionState, action: string): Session {
  const session = existing(state, action);
  if (session.status === 'ended') throw new IllegalTransitionError(action, session.status);
  return session;
}

export function participantOf(session: Session, participantId: string): Participant {
  const participant = session.participants.find((p) => p.participantId === participantId);
  if (!participant) throw new SessionRuleError('not a participant of this visit');
  return participant;
}
