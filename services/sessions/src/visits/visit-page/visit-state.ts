import type { Session } from '../domain/session.state';
import type { LinkHolder } from '../link-standing';

/** Where the link holder stands in their visit, as the visit page shows it. */
export type VisitState = 'scheduled' | 'waiting' | 'provider-joining' | 'admitted' | 'ended';

/**
 * The holder's state from the session. The patient passes through the waiting room: arrived
 * and not admitted is `waiting`, or `provider-joining` once the provider is in the room or has
 * started the visit. The other participants go straight into the room when they join.
 */
export function visitStateOf(session: Session, holder: LinkHolder): VisitState {
  if (session.status === 'ended') return 'ended';
  if (holder.role !== 'patient')
    return (session.presence[holder.participantId]?.joins ?? 0) > 0 ? 'admitted' : 'scheduled';
  if (session.admittedAt) return 'admitted';
  if (!session.arrivedAt) return 'scheduled';
  const providerPresent = session.presence[session.providerId]?.present ?? false;
  return providerPresent || session.status === 'in-progress' ? 'provider-joining' : 'waiting';
}

/** Whether the state has a place in the waiting room to show. */
export const inWaitingRoom = (state: VisitState): boolean =>
  state === 'waiting' || state === 'provider-joining';
