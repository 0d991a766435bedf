import type { AssignSessionInterpreter } from './session.commands';
import { linksAfterChange } from './join-link-delivery.decider';
import { revokeLinks } from './link-revocation';
import { SESSION_EVENT as E, SessionEvent } from './session.events';
import { evolve } from './session.evolve';
import type { Session, SessionState } from './session.state';

/** The interpreter who takes part in the visit, if any. */
export const interpreterOf = (session: Pick<Session, 'participants'>): string | undefined =>
  session.participants.find((p) => p.role === 'interpreter')?.participantId;

/**
 * The visit's interpreter becomes `interpreterId`: they take part (a join link can be issued for
 * them), and the links of the one they replace stop working. Nothing when they already are the
 * interpreter, so a redelivered event changes nothing twice.
 */
export function changeInterpreter(
  session: Session,
  interpreterId: string,
  cause: 'session-rescheduled' | 'revoked-by-staff',
  at: string,
): SessionEvent[] {
  const previous = interpreterOf(session);
  if (previous === interpreterId) return [];
  const revoked =
    previous === undefined
      ? []
      : revokeLinks(session, { cause, at, whose: (id) => id === previous });
  return [
    {
      type: E.interpreterChanged,
      data: {
        sessionId: session.sessionId,
        appointmentId: session.appointmentId,
        interpreterId,
        ...(previous ? { previousInterpreterId: previous } : {}),
        changedAt: at,
      },
    },
    ...revoked,
  ];
}

/**
 * An interpreter drawn on demand joins the visit, until it has ended, and is sent their link.
 * Scheduling draws only for a visit without one; should it name another anyway, it is the
 * appointment's truth: the one before is replaced and their links revoked.
 */
export function assignInterpreter(
  command: AssignSessionInterpreter,
  state: SessionState,
): SessionEvent[] {
  if (state.status === 'none' || state.status === 'ended') return [];
  const changed = changeInterpreter(state, command.interpreterId, 'revoked-by-staff', command.at);
  if (changed.length === 0) return [];
  const after = changed.reduce(evolve, state);
  if (after.status === 'none') return changed;
  return [...changed, ...linksAfterChange(after, command.links ?? [], command.at)];
}
