import type { LinkDevice } from './domain/session.commands';
import type { LinkRefusal } from './domain/session.errors';
import type { ParticipantRole } from './domain/session.events';
import type { SessionState } from './domain/session.state';

/** Whom a join link speaks for: one participant of one visit. */
export interface LinkHolder {
  readonly sessionId: string;
  readonly participantId: string;
  readonly role: ParticipantRole;
  readonly linkId: string;
}

/**
 * Whether a verified link (signature and window checked by the signer) still speaks for its
 * participant, by the rules of the join exchange: a link the session issued, not revoked nor
 * expired, presented by the device it is bound to. An ended visit still answers its link
 * holder (the page shows the end and the survey); the actions then meet the session's rules.
 */
export function standingOf(
  state: SessionState,
  linkId: string,
  device: LinkDevice,
  now: Date,
): { readonly refused: LinkRefusal } | { readonly holder: LinkHolder } {
  if (state.status === 'none') return { refused: 'forged' };
  const link = state.links.find((l) => l.linkId === linkId);
  const participant = state.participants.find((p) => p.participantId === link?.participantId);
  if (!link || !participant) return { refused: 'forged' };
  if (link.revoked) return { refused: 'revoked' };
  if (Date.parse(link.expiresAt) <= now.getTime()) return { refused: 'expired' };
  // Once a device has exchanged the link, only that device speaks with it; another takes the
  // link over through the join exchange, which knows when that is allowed.
  if (device === 'bound-elsewhere') return { refused: 'in-use' };
  return {
    holder: {
      sessionId: state.sessionId,
      participantId: participant.participantId,
      role: participant.role,
      linkId,
    },
  };
}
