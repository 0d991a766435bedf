import type { EventDataOf } from '@thc/contracts';
import { SESSION_EVENT as E, SessionEvent } from './session.events';
import type { Session } from './session.state';

type LinkRevoked = EventDataOf<typeof E.linkRevoked>;

/** Why and when links are revoked, whose (every participant's by default), and by whom. */
export interface Revocation {
  readonly cause: LinkRevoked['cause'];
  readonly at: string;
  readonly whose?: (participantId: string) => boolean;
  /** The session itself by default: a move, a close or a change of interpreter. */
  readonly by?: LinkRevoked['revokedBy'];
}

const BY_THE_SESSION = { kind: 'system', service: 'sessions' } as const;

/**
 * Revokes every link still working that `whose` picks: a move, a close or a change of
 * interpreter leaves no old link open, and a participant's new link none of their old ones.
 */
export function revokeLinks(
  session: Pick<Session, 'sessionId' | 'links'>,
  { cause, at, whose = () => true, by = BY_THE_SESSION }: Revocation,
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
        revokedBy: by,
      },
    }));
}
