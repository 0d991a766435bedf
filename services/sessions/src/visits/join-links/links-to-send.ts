import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { sentByMessage } from '../domain/join-link-delivery.decide';
import type { LinkToDeliver } from '../domain/session.commands';
import type { Participant } from '../domain/session.events';
import { JOIN_LINK_SEALER, JoinLinkSealer } from './join-link.sealer';
import { JoinLinkSigner } from './join-link.signer';

/** What a new session's links are made from: the booked appointment. */
export interface BookedVisit {
  readonly sessionId: string;
  readonly patientId: string;
  readonly start: string;
  readonly participants: readonly Participant[];
}

/**
 * The links a session is created with: one for each participant sent theirs by message, signed
 * and sealed for the notifications service. None when the visit's links have already expired,
 * or when they cannot be sealed: a link nobody can be sent would only be one more credential.
 */
@Injectable()
export class LinksAtBooking {
  constructor(
    private readonly signer: JoinLinkSigner,
    @Inject(JOIN_LINK_SEALER) private readonly sealer: JoinLinkSealer,
  ) {}

  async of(visit: BookedVisit, now: Date): Promise<LinkToDeliver[]> {
    if (this.signer.window(visit.start).expiresAt.getTime() <= now.getTime()) return [];
    const links: LinkToDeliver[] = [];
    // One after another: the first seal creates the patient's key, the next ones only read it.
    for (const participant of visit.participants.filter((p) => sentByMessage(p.role))) {
      const linkId = randomUUID();
      const signed = await this.signer.sign(
        { linkId, sessionId: visit.sessionId },
        visit.start,
        now,
      );
      const link = await this.sealer.seal(visit.patientId, signed.url);
      if (!link) return [];
      links.push({
        linkId,
        participantId: participant.participantId,
        expiresAt: signed.expiresAt,
        link,
      });
    }
    return links;
  }
}
