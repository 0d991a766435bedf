import type { EventDataOf } from '@thc/contracts';
import { SESSION_EVENT as E, SessionEvent } from './session.events';
import type { Session } from './session.state';

type RevokeCause = EventDataOf<typeof E.linkRevoked>['cause'];

/**
 * The session revokes, on its own, every link still working that `whose` picks (all by default):
 * a move, a close or a change of interpreter leaves no old link open.
 */
export function revokeLinks(
  session: Pick<Session, 'sessionId' | 'links'>,
  cause: RevokeCause,
  at: string,
  whose: (participantId: string) => boolean = () => true,
): SessionEvent[] {
  return session.links
    .filter((link) => !link.revoked && whose(link.participantId))
    .map((link) => ({
      type: E.linkRevoked,
      data: {
        sessionId: session.sessionId,
        linkId: link.linkId,
        participantId: link.participantId,
        revokedAt: at,
        cause,
        revokedBy: { kind: 'system', service: 'sessions' } as const,
      },
    }));
}
