import { ForbiddenException } from '@nestjs/common';
import type { Principal } from '@thc/auth';
import type { LinkHolder } from './link-standing';

/**
 * The caller a link holder acts as, so the visit's own rules apply to them as to a signed-in
 * caller: a patient is the principal whose subject is their patient id, a provider theirs.
 * An interpreter's or a caregiver's link opens the page, but the session's rules admit no
 * such caller to its actions (nor could its events name one), so they are refused here.
 */
export function principalOf(holder: LinkHolder): Principal {
  if (holder.role === 'patient' || holder.role === 'provider')
    return {
      subject: holder.participantId,
      roles: [holder.role],
      tokenId: `join-link:${holder.linkId}`,
    };
  throw new ForbiddenException(
    `${holder.role === 'interpreter' ? 'an interpreter' : 'a caregiver'}'s link shows the visit; the coordinator takes this action for them`,
  );
}

/** A participant named in a body must be the link's own: a link acts for no one else. */
export function ensureOwnParticipant(holder: LinkHolder, participantId: string | undefined): void {
  if (participantId !== undefined && participantId !== holder.participantId)
    throw new ForbiddenException('a join link acts only for its own participant');
}
